/**
 * The postMessage protocol between the loader (on the site) and the chat page (in the iframe).
 * Every message carries `channel` so unrelated postMessage traffic on the page is ignored; each side
 * also checks the sender's origin and window before reading anything.
 */
export const CHANNEL = "handoff-desk";

/** Who the site says the customer is; the signature is the site backend's HMAC of the user id. */
export interface Identity {
  name?: string;
  email?: string;
  userId?: string;
  signature?: string;
}

/** Site -> chat page. */
export type HostMessage =
  | { channel: typeof CHANNEL; type: "visibility"; open: boolean }
  | { channel: typeof CHANNEL; type: "identify"; identity: Identity };

/** Chat page -> site. */
export type FrameMessage =
  | { channel: typeof CHANNEL; type: "ready" }
  | { channel: typeof CHANNEL; type: "close" }
  | { channel: typeof CHANNEL; type: "unread"; count: number };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null;

/** Reads a chat-page message without trusting its shape (the loader stays free of zod to stay small). */
export function readFrameMessage(data: unknown): FrameMessage | null {
  if (!isRecord(data) || data.channel !== CHANNEL) return null;
  if (data.type === "ready") return { channel: CHANNEL, type: "ready" };
  if (data.type === "close") return { channel: CHANNEL, type: "close" };
  if (data.type === "unread" && typeof data.count === "number" && Number.isInteger(data.count)) {
    return { channel: CHANNEL, type: "unread", count: Math.max(0, Math.min(data.count, 99)) };
  }
  return null;
}
