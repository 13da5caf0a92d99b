import { z } from "zod";
import { ClientId, MessageText } from "@handoff/contracts";
import type { KeyValueStore } from "../api/session-store";
import type { OutboxItem } from "./transcript";

const OutboxItems = z.array(z.object({ clientId: ClientId, text: MessageText, createdAt: z.string() }));
const Ratings = z.record(z.string(), z.enum(["up", "down"]));
const Satisfaction = z.object({ conversationId: z.string(), score: z.number().int().min(1).max(5) });

const read = <S extends z.ZodType>(store: KeyValueStore, key: string, schema: S): z.output<S> | null => {
  const raw = store.get(key);
  if (!raw) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
};

/** What the chat keeps in the browser besides the session: unsent messages and the customer's ratings. */
export const persisted = (store: KeyValueStore) => ({
  outbox: (): OutboxItem[] => read(store, "handoff-desk:outbox", OutboxItems) ?? [],
  saveOutbox: (items: OutboxItem[]) => store.set("handoff-desk:outbox", JSON.stringify(items)),
  ratings: (): Record<string, "up" | "down"> => read(store, "handoff-desk:ratings", Ratings) ?? {},
  saveRatings: (ratings: Record<string, "up" | "down">) =>
    store.set("handoff-desk:ratings", JSON.stringify(ratings)),
  satisfaction: (conversationId: string): number | null => {
    const saved = read(store, "handoff-desk:satisfaction", Satisfaction);
    return saved?.conversationId === conversationId ? saved.score : null;
  },
  saveSatisfaction: (conversationId: string, score: number) =>
    store.set("handoff-desk:satisfaction", JSON.stringify({ conversationId, score })),
});
