import type { z } from "zod";
import { Conversation, HandoffOffer, Message, Review } from "@handoff/contracts";

/** Anything that reports every incoming event (both socket kinds do, through onAny). */
interface Emitter {
  onAny(listener: (event: string, payload: unknown) => void): unknown;
  offAny(listener: (event: string, payload: unknown) => void): unknown;
}

// Every pushed payload is parsed by its contracts schema, so a test also fails when the server sends
// something a client could not read.

/** The next `message:new` matching `match`. */
export const nextMessage = (socket: Emitter, match: (m: Message) => boolean = () => true, timeoutMs = 5000) =>
  nextParsed(socket, "message:new", Message, match, timeoutMs);

/** The next `conversation:updated` matching `match`. */
export const nextConversation = (
  socket: Emitter,
  match: (c: Conversation) => boolean = () => true,
  timeoutMs = 5000,
) => nextParsed(socket, "conversation:updated", Conversation, match, timeoutMs);

/** The next `review:created` or `review:updated` matching `match`. */
export const nextReview = (
  socket: Emitter,
  event: "review:created" | "review:updated",
  match: (r: Review) => boolean = () => true,
  timeoutMs = 5000,
) => nextParsed(socket, event, Review, match, timeoutMs);

/** The next `handoff:offered` (to this person's consoles) matching `match`. */
export const nextOffer = (
  socket: Emitter,
  match: (o: HandoffOffer) => boolean = () => true,
  timeoutMs = 5000,
) => nextParsed(socket, "handoff:offered", HandoffOffer, match, timeoutMs);

function nextParsed<S extends z.ZodType>(
  socket: Emitter,
  event: string,
  schema: S,
  match: (payload: z.output<S>) => boolean,
  timeoutMs: number,
): Promise<z.output<S>> {
  return new Promise((resolve, reject) => {
    const listener = (name: string, raw: unknown) => {
      if (name !== event) return;
      const parsed = schema.safeParse(raw);
      if (!parsed.success) {
        finish();
        reject(new Error(`"${event}" payload does not match its contract: ${parsed.error.message}`));
        return;
      }
      if (!match(parsed.data)) return;
      finish();
      resolve(parsed.data);
    };
    const finish = () => {
      clearTimeout(timer);
      socket.offAny(listener);
    };
    const timer = setTimeout(() => {
      socket.offAny(listener);
      reject(new Error(`no matching "${event}" within ${timeoutMs} ms`));
    }, timeoutMs);
    socket.onAny(listener);
  });
}
