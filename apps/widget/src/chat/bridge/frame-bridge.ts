import { z } from "zod";
import { CHANNEL, type FrameMessage, type Identity } from "../../shared/bridge-protocol";

const IdentityInput = z.object({
  name: z.string().max(500).optional(),
  email: z.string().max(500).optional(),
  userId: z.string().max(500).optional(),
  signature: z.string().max(500).optional(),
});

/** Messages the site may send the chat page (validated; anything else is ignored). */
const HostMessage = z.discriminatedUnion("type", [
  z.object({ channel: z.literal(CHANNEL), type: z.literal("visibility"), open: z.boolean() }),
  z.object({ channel: z.literal(CHANNEL), type: z.literal("identify"), identity: IdentityInput }),
]);

export interface HostHandlers {
  visibility(open: boolean): void;
  identify(identity: Identity): void;
}

/** What the chat page can tell the site. */
export interface FrameBridge {
  post(message: FrameMessage): void;
  /** True when the page runs inside the loader's iframe (otherwise it is a standalone chat page). */
  framed: boolean;
  dispose(): void;
}

/**
 * Talks to the site that framed the chat: only the parent window, only from the origin the loader
 * declared, and only when the browser confirms that origin is really the one framing this page.
 */
export function connectHost(hostOrigin: string | null, on: HostHandlers): FrameBridge {
  const parent = window.parent !== window ? window.parent : null;
  const ancestors = location.ancestorOrigins;
  const confirmed =
    hostOrigin !== null && parent !== null && (!ancestors?.length || ancestors[0] === hostOrigin);
  if (!confirmed || !parent || !hostOrigin)
    return { post: () => undefined, framed: false, dispose: () => undefined };

  const listener = (event: MessageEvent) => {
    if (event.source !== parent || event.origin !== hostOrigin) return;
    const parsed = HostMessage.safeParse(event.data);
    if (!parsed.success) return;
    if (parsed.data.type === "visibility") on.visibility(parsed.data.open);
    else on.identify(parsed.data.identity);
  };
  window.addEventListener("message", listener);
  return {
    post: (message) => parent.postMessage(message, hostOrigin),
    framed: true,
    dispose: () => window.removeEventListener("message", listener),
  };
}
