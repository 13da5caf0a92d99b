import { z } from "zod";
import { Id, Timestamp } from "./common";

/** Who sees a saved reply: the whole team, or only the agent who wrote it. */
export const SavedReplyScope = z.enum(["team", "personal"]);
export type SavedReplyScope = z.infer<typeof SavedReplyScope>;

/** What an agent types after "/" to insert a reply: lower-case letters, digits, "-" and "_". */
export const SavedReplyShortcut = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, "a shortcut is 1 to 40 letters, digits, - or _ (no spaces)");

/** A canned response; `{{customer.name}}`, `{{customer.first_name}}` and `{{agent.name}}` are filled in. */
export const SavedReply = z.object({
  id: Id,
  shortcut: SavedReplyShortcut,
  title: z.string(),
  text: z.string(),
  scope: SavedReplyScope,
  /** The agent a personal reply belongs to; null for team replies. */
  ownerId: Id.nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type SavedReply = z.infer<typeof SavedReply>;

/** POST /api/saved-replies */
export const SavedReplyCreate = z.strictObject({
  shortcut: SavedReplyShortcut,
  title: z.string().trim().min(1, "title is empty").max(120),
  text: z.string().trim().min(1, "text is empty").max(4000),
  scope: SavedReplyScope,
});
export type SavedReplyCreate = z.infer<typeof SavedReplyCreate>;

/** PATCH /api/saved-replies/:id: the fields to change (the scope stays). */
export const SavedReplyUpdate = SavedReplyCreate.omit({ scope: true })
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, "nothing to change");
export type SavedReplyUpdate = z.infer<typeof SavedReplyUpdate>;

/** GET /api/saved-replies: the team's replies and the caller's own. */
export const SavedReplyList = z.object({ replies: z.array(SavedReply) });

/** Values for a saved reply's placeholders (a missing name leaves a neutral word, never "{{…}}"). */
export interface SavedReplyValues {
  customerName: string | null;
  agentName: string;
}

/** A saved reply's text with its placeholders filled in, ready for the composer. */
export function fillSavedReply(text: string, values: SavedReplyValues): string {
  const name = values.customerName?.trim() || null;
  const fields: Record<string, string> = {
    "customer.name": name ?? "there",
    "customer.first_name": name?.split(/\s+/)[0] ?? "there",
    "agent.name": values.agentName,
  };
  return text.replace(/\{\{\s*([a-z_.]+)\s*\}\}/g, (whole, key: string) => fields[key] ?? whole);
}
