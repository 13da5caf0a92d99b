import { CHANNEL, readFrameMessage, type HostMessage, type Identity } from "../shared/bridge-protocol";
import { mountLauncher } from "./launcher";
import { frameUrl, readOptions } from "./read-options";

/** The API a site calls: `window.HandoffDesk.open()`, `.close()`, `.identify({...})`. */
export interface HandoffDeskApi {
  open(): void;
  close(): void;
  toggle(): void;
  identify(identity: Identity): void;
  readonly isOpen: boolean;
}

declare global {
  interface Window {
    HandoffDesk?: HandoffDeskApi;
  }
}

function start(script: HTMLScriptElement | null): void {
  if (window.HandoffDesk) return; // the tag was added twice: one launcher is enough
  const options = readOptions((name) => script?.getAttribute(name) ?? null, script?.src ?? "", {
    href: location.href,
    language: document.documentElement.lang || navigator.language,
  });
  const view = mountLauncher(
    options,
    frameUrl(options, location.origin),
    options.title ? `${options.title} (chat)` : "Chat with us",
  );
  let open = false;
  let ready = false;
  const pending: HostMessage[] = [];

  const post = (message: HostMessage) => {
    if (!ready) return void pending.push(message);
    view.frame.contentWindow?.postMessage(message, options.server);
  };
  const setOpen = (next: boolean, focusLauncher = false) => {
    open = next;
    view.panel.hidden = !open;
    view.root.classList.toggle("open", open);
    view.button.setAttribute("aria-expanded", String(open));
    post({ channel: CHANNEL, type: "visibility", open });
    if (open) view.frame.focus();
    else if (focusLauncher) view.button.focus();
  };

  window.addEventListener("message", (event) => {
    // Only the chat page we created, from the server we loaded it from, is listened to.
    if (event.source !== view.frame.contentWindow || event.origin !== options.server) return;
    const message = readFrameMessage(event.data);
    if (!message) return;
    if (message.type === "ready") {
      ready = true;
      post({ channel: CHANNEL, type: "visibility", open });
      pending.splice(0).forEach(post);
    } else if (message.type === "close") setOpen(false, true);
    else {
      view.badge.textContent = String(message.count);
      view.badge.hidden = message.count === 0 || open;
    }
  });
  view.button.addEventListener("click", () => {
    setOpen(!open);
    view.badge.hidden = true;
  });

  window.HandoffDesk = {
    open: () => setOpen(true),
    close: () => setOpen(false, true),
    toggle: () => setOpen(!open),
    identify: (identity) => post({ channel: CHANNEL, type: "identify", identity: cleanIdentity(identity) }),
    get isOpen() {
      return open;
    },
  };
  if (options.open) setOpen(true);
}

/** Keeps only the known string fields, so nothing else from the page crosses into the chat. */
function cleanIdentity(identity: Identity): Identity {
  const out: Identity = {};
  for (const key of ["name", "email", "userId", "signature"] as const) {
    const value: unknown = identity?.[key];
    if (typeof value === "string" && value.trim()) out[key] = value.trim().slice(0, 500);
  }
  return out;
}

const current = document.currentScript instanceof HTMLScriptElement ? document.currentScript : null;
if (document.body) start(current);
else document.addEventListener("DOMContentLoaded", () => start(current), { once: true });
