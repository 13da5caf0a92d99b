import { z } from "zod";
import { Timestamp } from "./common";

/** Who wrote a message. */
export const Author = z.enum(["customer", "bot", "agent", "system"]);
export type Author = z.infer<typeof Author>;

/** A compact conversation turn as the graph and the approver see it. */
export const Turn = z.object({
  author: Author,
  text: z.string(),
  at: Timestamp,
});
export type Turn = z.infer<typeof Turn>;
