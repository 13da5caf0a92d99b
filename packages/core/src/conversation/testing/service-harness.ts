import { randomUUID } from "node:crypto";
import type {
  Conversation,
  HandoffUnavailable,
  Message,
  PlatformEvent,
  Review,
  Role,
  User,
} from "@handoff/contracts";
import { openSqliteStore } from "@handoff/store";
import { afterEach, beforeEach } from "vitest";
import { KnowledgeService } from "../../knowledge";
import { OfflineModel } from "../../models/offline";
import type { Clock, DraftModel, Notifier, Store } from "../../ports";
import { sampleArticles } from "../../retrieval/sample-help-center";
import { SettingsService } from "../../settings-service";
import { ConversationService, type ConversationServiceDeps } from "../conversation-service";

// Test support for core's conversation tests: the real services on a throwaway SQLite database
// (":memory:", store and checkpoints on one connection), the offline model and the sample help center.
// Never imported by production code.

/** What core published, in order, and the parts tests read most. */
export interface Pushed {
  events: PlatformEvent[];
  messages: Message[];
  conversations: Conversation[];
  reviewsOpened: Review[];
  unavailable: HandoffUnavailable[];
}

/** A Notifier that keeps what it was told. */
export function recordingNotifier(): Notifier & { pushed: Pushed } {
  const pushed: Pushed = { events: [], messages: [], conversations: [], reviewsOpened: [], unavailable: [] };
  return {
    pushed,
    publish(event) {
      pushed.events.push(event);
      if (event.type === "message.created") pushed.messages.push(event.data.message);
      if (event.type === "conversation.changed") pushed.conversations.push(event.data.conversation);
      if (event.type === "review.opened") pushed.reviewsOpened.push(event.data.review);
      if (event.type === "handoff.unavailable") pushed.unavailable.push(event.data);
    },
  };
}

/** Per test: the first run in a file loads the help center's lexicon, which takes seconds on a busy machine. */
export const SERVICE_TEST_TIMEOUT = { timeout: 60_000 };

/** A clock a test moves forward. */
export function movableClock(): Clock & { advanceMinutes(minutes: number): void } {
  let offset = 0;
  return { now: () => new Date(Date.now() + offset), advanceMinutes: (m) => (offset += m * 60_000) };
}

/** Questions the offline model, on the sample help center, routes each way at the default settings. */
export const ASK = {
  /** Answered at once. */
  auto: "Do you accept PayPal?",
  /** A draft held for an agent's approval (a risk rule: money movement). */
  approval: "I want a refund for my order 5521",
  /** Handed to a person (the customer asks for one). */
  handoff: "I want to talk to a person",
} as const;

export interface ServiceHarness {
  store: Store;
  deps: ConversationServiceDeps;
  service: ConversationService;
  notifier: ReturnType<typeof recordingNotifier>;
  clock: ReturnType<typeof movableClock>;
  /** A console user on this store. */
  person(role?: Role): Promise<User>;
  /** A new service on the same store and checkpoints, as after a process restart. */
  restart(): ConversationService;
  /** The conversation's messages, oldest first. */
  messages(conversationId: string): Promise<Message[]>;
  close(): Promise<void>;
}

/** Opens a fresh in-memory platform for one test. */
export async function openServiceHarness(opts: { model?: DraftModel } = {}): Promise<ServiceHarness> {
  const clock = movableClock();
  const { store, checkpointer } = await openSqliteStore({ file: ":memory:", clock });
  await store.articles.upsertMany(sampleArticles());
  const knowledge = new KnowledgeService(store);
  await knowledge.load();
  const settings = new SettingsService(store);
  const notifier = recordingNotifier();
  const deps: ConversationServiceDeps = {
    store,
    model: opts.model ?? new OfflineModel(),
    knowledge: knowledge.index,
    notifier,
    clock,
    settings: () => settings.get(),
    modelTimeoutMs: 10_000,
    helpCenterLanguage: async () => "en",
    botName: "Ava",
    checkpointer,
  };
  const harness: ServiceHarness = {
    store,
    deps,
    service: new ConversationService(deps),
    notifier,
    clock,
    async person(role = "agent") {
      const name = `${role} ${randomUUID().slice(0, 6)}`;
      const person = await store.users.create({
        email: `${randomUUID().slice(0, 8)}@example.com`,
        name,
        role,
        passwordHash: "unused",
      });
      return { id: person.id, email: person.email, name: person.name, role, createdAt: person.createdAt };
    },
    restart() {
      harness.service = new ConversationService(deps);
      return harness.service;
    },
    messages: (conversationId) => store.messages.listSince(conversationId, 0, 1000),
    async close() {
      await harness.service.idle();
      await store.close();
    },
  };
  return harness;
}

/** The bot's and people's replies the customer sees (not their own messages, not system notices). */
export async function replies(harness: ServiceHarness, conversationId: string): Promise<Message[]> {
  return (await harness.messages(conversationId)).filter(
    (m) => !m.internal && (m.author === "bot" || m.author === "agent"),
  );
}

/** A new conversation with one customer message the bot has dealt with. */
export async function askedConversation(harness: ServiceHarness, text: string): Promise<Conversation> {
  const conversation = await harness.service.startConversation({});
  const { processed } = await harness.service.receiveCustomerMessage(conversation.id, {
    clientId: randomUUID(),
    text,
  });
  await processed;
  return harness.service.getConversation(conversation.id);
}

/** The conversation's pending approval (there must be one). */
export async function pendingApproval(harness: ServiceHarness, conversationId: string) {
  const review = (await harness.store.reviews.listByConversation(conversationId)).find(
    (r) => r.status === "pending",
  );
  if (review?.kind !== "approval") throw new Error(`no pending approval on ${conversationId}`);
  return review;
}

/** The conversation's open handoff (there must be one). */
export async function openHandoff(harness: ServiceHarness, conversationId: string) {
  const review = (await harness.store.reviews.listByConversation(conversationId)).find(
    (r) => r.kind === "handoff" && (r.status === "pending" || r.status === "claimed"),
  );
  if (review?.kind !== "handoff") throw new Error(`no open handoff on ${conversationId}`);
  return review;
}

/** Ids of decided reviews whose decision is not yet applied (what recovery would pick up). */
export async function unapplied(harness: ServiceHarness): Promise<string[]> {
  const later = new Date(harness.clock.now().getTime() + 3_600_000).toISOString();
  return (await harness.store.reviews.listUnapplied(later, 1000)).map((r) => r.id);
}

/** A fresh harness for every test of the calling file (closed after it); call the getter inside a test. */
export function useServiceHarness(opts: { model?: DraftModel } = {}): () => ServiceHarness {
  let current: ServiceHarness | undefined;
  beforeEach(async () => {
    current = await openServiceHarness(opts);
  });
  afterEach(async () => {
    await current?.close();
    current = undefined;
  });
  return () => {
    if (!current) throw new Error("the service harness is only open inside a test");
    return current;
  };
}
