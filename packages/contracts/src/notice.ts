import { z } from "zod";
import { Timestamp } from "./common";

/**
 * What a system message tells the customer (or, for the internal ones, the agents), as a kind with
 * its typed details. Core stores the kind; each channel renders it in its reader's language
 * (noticeText), so no sentence is fixed when the message is written.
 */
export const Notice = z.discriminatedUnion("kind", [
  /** The conversation went to the human queue. */
  z.object({ kind: z.literal("handoff.connecting") }),
  /** A person claimed, took over or was given the conversation. */
  z.object({ kind: z.literal("agent.joined"), agentName: z.string() }),
  /** The person handed the conversation back to the bot. */
  z.object({ kind: z.literal("bot.back"), botName: z.string() }),
  /** The person resolved the conversation. */
  z.object({ kind: z.literal("conversation.resolved") }),
  /** The person went offline and the conversation is back in the queue. */
  z.object({ kind: z.literal("agent.stepped_away"), agentName: z.string().nullable() }),
  /** Nobody decided on a draft in time, so the team takes the conversation. */
  z.object({ kind: z.literal("approval.timed_out") }),
  /** Nobody picked up a handoff in time: the customer may leave an email. */
  z.object({ kind: z.literal("team.busy") }),
  /** A handoff out of business hours: when the team is back, in the team's time zone, when known. */
  z.object({ kind: z.literal("team.away"), opensAt: Timestamp.nullable(), timeZone: z.string().nullable() }),
  /** Internal: the customer left an email to be answered at. */
  z.object({ kind: z.literal("contact.left"), email: z.string(), note: z.string().nullable() }),
  /** Internal: the assistant gave up on the conversation and a person must take it. */
  z.object({ kind: z.literal("recovery.failed"), reason: z.string() }),
]);
export type Notice = z.infer<typeof Notice>;
export type NoticeKind = Notice["kind"];
