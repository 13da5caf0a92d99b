import { z } from "zod";

/** Server-issued identifier (opaque string). */
export const Id = z.string().min(1).max(128);
/** ISO-8601 timestamp as stored and sent over the wire. */
export const Timestamp = z.string().datetime({ offset: true });
/** Customer or agent text: trimmed, non-empty, bounded so a paste cannot flood the system. */
export const MessageText = z
  .string()
  .trim()
  .min(1, "message is empty")
  .max(4000, "message is longer than 4000 characters");
/** Client-generated id used to deduplicate retried sends. */
export const ClientId = z.string().trim().min(1).max(100);
