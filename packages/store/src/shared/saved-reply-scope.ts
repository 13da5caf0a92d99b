import type { SavedReply } from "@handoff/contracts";

/** Where a shortcut must be unique: among the team's replies, or among one agent's own. */
export const scopeKey = (reply: Pick<SavedReply, "scope" | "ownerId">): string =>
  reply.scope === "team" ? "team" : `user:${reply.ownerId ?? ""}`;
