import type { ConversationStatus } from "@handoff/contracts";

const LABELS: Partial<Record<ConversationStatus, string>> = {
  bot: "With the bot",
  awaiting_approval: "Awaiting approval",
  waiting_human: "Waiting for a human",
  human: "With an agent",
  resolved: "Resolved",
};

/** Who handles a conversation right now, in words. */
export const statusLabel = (status: ConversationStatus) => LABELS[status] ?? status.replace(/_/g, " ");
