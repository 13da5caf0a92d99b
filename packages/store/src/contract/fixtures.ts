import { randomUUID } from "node:crypto";
import type {
  ApprovalReview,
  Article,
  Confidence,
  Correction,
  HandoffReview,
  Message,
} from "@handoff/contracts";
import type { NewMessage, Store } from "@handoff/core";

// Ids are random so that no test can depend on data another test left behind.

/** A unique id with a readable prefix. */
export function uniqueId(prefix: string): string {
  return `${prefix}-${randomUUID()}`;
}

/** An ISO timestamp `offsetMs` from now. */
export function isoFromNow(offsetMs: number): string {
  return new Date(Date.now() + offsetMs).toISOString();
}

/** Waits long enough for the wall clock to move on, so store-assigned timestamps differ. */
export function tick(ms = 5): Promise<void> {
  return new Promise((done) => setTimeout(done, ms));
}

/** Creates a conversation with a fresh id. */
export async function newConversation(store: Store) {
  return store.conversations.create({ id: uniqueId("conv"), customer: { name: "Ada" } });
}

/** A customer message to append, with overrides. */
export function customerMessage(conversationId: string, overrides: Partial<NewMessage> = {}): NewMessage {
  return {
    conversationId,
    clientId: null,
    author: "customer",
    authorName: null,
    text: "Where is my order?",
    sources: [],
    internal: false,
    ...overrides,
  };
}

/** The seqs of some messages, for compact assertions. */
export function seqs(messages: readonly Message[]): number[] {
  return messages.map((m) => m.seq);
}

/** Appends `count` customer messages one after another and returns them. */
export async function appendMany(store: Store, conversationId: string, count: number): Promise<Message[]> {
  const out: Message[] = [];
  for (let i = 1; i <= count; i++) {
    const { message } = await store.messages.append(
      customerMessage(conversationId, { text: `message ${i}` }),
    );
    out.push(message);
  }
  return out;
}

const confidence: Confidence = {
  score: 0.55,
  parts: { model: 0.6, retrieval: 0.5, margin: 0.4, coverage: 0.7, rules: 1 },
};

const source = { id: "returns-policy", kind: "article", title: "Returns policy", score: 0.8 } as const;

/** A pending approval review with a complete packet. */
export function approvalReview(overrides: Partial<ApprovalReview> = {}): ApprovalReview {
  const conversationId = overrides.conversationId ?? uniqueId("conv");
  const deadline = overrides.deadline ?? isoFromNow(60_000);
  return {
    id: uniqueId("review"),
    kind: "approval",
    conversationId,
    threadId: conversationId,
    status: "pending",
    assigneeId: null,
    assigneeName: null,
    createdAt: new Date().toISOString(),
    deadline,
    decidedAt: null,
    decidedBy: null,
    packet: {
      conversationId,
      category: "returns",
      language: "fr",
      question: "Can I get a refund?",
      recentTurns: [{ author: "customer", text: "Can I get a refund?", at: new Date().toISOString() }],
      draft: { id: "d1", text: "Yes, within 30 days.", sources: [source] },
      alternatives: [{ id: "d2", text: "Refunds take 5 days.", sources: [] }],
      confidence,
      reasoning: "The returns article covers refunds.",
      sources: [source],
      riskFlags: [{ category: "money_movement", forces: "approval", evidence: "refund" }],
      routeReason: "risk_rule",
      guidance: [],
      deadline,
    },
    decision: null,
    ...overrides,
  };
}

/** A pending handoff review with a complete packet. */
export function handoffReview(overrides: Partial<HandoffReview> = {}): HandoffReview {
  const conversationId = overrides.conversationId ?? uniqueId("conv");
  const deadline = overrides.deadline ?? isoFromNow(60_000);
  return {
    id: uniqueId("review"),
    kind: "handoff",
    conversationId,
    threadId: conversationId,
    status: "pending",
    assigneeId: null,
    assigneeName: null,
    createdAt: new Date().toISOString(),
    deadline,
    decidedAt: null,
    decidedBy: null,
    packet: {
      conversationId,
      category: null,
      language: null,
      question: "I want to talk to a lawyer about this.",
      recentTurns: [],
      summary: "Customer threatens legal action over a late delivery.",
      attempted: [],
      confidence,
      reasoning: "Legal topics go to a person.",
      sources: [],
      riskFlags: [{ category: "legal", forces: "handoff", evidence: "lawyer" }],
      routeReason: "risk_rule",
      failureReason: "legal request",
      deadline,
    },
    decision: null,
    ...overrides,
  };
}

/** A pending correction. */
export function correction(overrides: Partial<Correction> = {}): Correction {
  return {
    id: uniqueId("corr"),
    question: "How long do refunds take?",
    answer: "Refunds reach your card within 5 business days.",
    draft: "Refunds take a while.",
    status: "pending",
    reason: "more precise",
    tags: ["refunds"],
    conversationId: null,
    sourceKey: null,
    createdBy: null,
    createdAt: new Date().toISOString(),
    reviewedBy: null,
    reviewedAt: null,
    ...overrides,
  };
}

/** A help-center article. */
export function article(overrides: Partial<Article> = {}): Article {
  return {
    id: "shipping",
    title: "Shipping",
    tags: ["delivery"],
    body: "We ship worldwide within 3 days.",
    updatedAt: new Date().toISOString(),
    ...overrides,
  };
}
