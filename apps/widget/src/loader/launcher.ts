import { launcherMarkup, launcherStyles } from "./launcher-styles";
import type { LoaderOptions } from "./read-options";

/** The elements the loader drives: a launcher button and the panel holding the chat iframe. */
export interface LauncherView {
  root: HTMLElement;
  button: HTMLButtonElement;
  badge: HTMLElement;
  panel: HTMLElement;
  frame: HTMLIFrameElement;
}

const must = <T extends Element>(root: ParentNode, selector: string, type: { new (): T }): T => {
  const el = root.querySelector(selector);
  if (!(el instanceof type)) throw new Error(`handoff-desk: missing ${selector}`);
  return el;
};

/** Builds the launcher in a shadow root attached to a host element at the end of <body>. */
export function mountLauncher(options: LoaderOptions, src: string, label: string): LauncherView {
  const host = document.createElement("div");
  host.id = "handoff-desk";
  const shadow = host.attachShadow({ mode: "open" });
  const style = document.createElement("style");
  style.textContent = launcherStyles(options.accent, options.position);
  shadow.append(style);
  shadow.append(document.createRange().createContextualFragment(launcherMarkup));
  document.body.append(host);

  const root = must(shadow, ".root", HTMLDivElement);
  const button = must(shadow, ".launcher", HTMLButtonElement);
  const panel = must(shadow, ".panel", HTMLDivElement);
  const frame = must(shadow, "iframe", HTMLIFrameElement);
  const badge = must(shadow, ".badge", HTMLSpanElement);
  panel.id = "handoff-desk-panel";
  button.setAttribute("aria-controls", panel.id);
  button.setAttribute("aria-label", label);
  frame.title = label;
  frame.src = src;
  return { root, button, badge, panel, frame };
}
