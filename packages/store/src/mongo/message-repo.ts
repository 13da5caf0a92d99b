import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { trusted } from "mongoose";
import { z } from "zod";
import { Message, MessageHandling, type Conversation } from "@handoff/contracts";
import type { Clock, MessageRepo, NewMessage } from "@handoff/core";
import { contextMessage } from "../shared/context-message";
import { messagePreview } from "../shared/preview";
import type { ConversationModel } from "./conversation-model";
import { conversationFromDoc } from "./conversation-repo";
import {
  checkLimit,
  filterNumber,
  filterString,
  isDuplicateKey,
  parseNullable,
  plainJson,
  toDate,
} from "./docs";
import type { MessageModel } from "./message-model";

/** A messages document mapped to the contract Message. */
const messageFromDoc = z
  .object({
    _id: z.string(),
    conversationId: z.string(),
    seq: z.number(),
    clientId: z.string().nullable(),
    author: z.string(),
    authorName: z.string().nullable(),
    text: z.string(),
    notice: z.unknown().optional(),
    sources: z.unknown(),
    internal: z.boolean(),
    createdAt: z.date(),
  })
  .transform(({ _id, createdAt, ...rest }) => ({ ...rest, id: _id, createdAt: createdAt.toISOString() }))
  .pipe(Message);

const SeqDoc = z.object({ seq: z.number() });

const WaitingDoc = z.object({ handling: z.enum(["queued", "held"]) });
const HandlingDoc = z.object({ seq: z.number(), handling: MessageHandling });
const ConversationDoc = z.object({ conversationId: z.string() });

/**
 * How often one append may lose the race for a seq before giving up. Each loss means another append
 * to the same conversation succeeded, so this only runs out under a pathological burst.
 */
const MAX_ATTEMPTS = 200;

/**
 * MessageRepo on MongoDB, without transactions. The unique (conversationId, seq) index allocates
 * sequence numbers: an append inserts seq = highest stored + 1 and, if another append took that seq
 * first (E11000), reads the new highest and tries again. A seq is therefore only ever inserted after
 * its predecessor is stored: no gaps, not even briefly for a concurrent reader, and nothing to repair
 * if a process dies mid-append. The conversation's lastSeq/preview follow the messages with $max.
 */
export function mongoMessageRepo(
  messages: MessageModel,
  conversations: ConversationModel,
  clock: Clock,
): MessageRepo {
  /** The highest stored seq of a conversation, 0 when it has no messages. */
  async function highestSeq(conversationId: string): Promise<number> {
    const doc = await messages.findOne({ conversationId }, { seq: 1 }).sort({ seq: -1 }).lean();
    return doc === null ? 0 : SeqDoc.parse(doc).seq;
  }

  /** The last `count` messages, ascending by seq. */
  async function listRecent(conversationId: string, count: number): Promise<Message[]> {
    const max = checkLimit(count);
    if (max === 0) return [];
    const docs = await messages
      .find({ conversationId: filterString(conversationId, "conversationId") })
      .sort({ seq: -1 })
      .limit(max ?? 0)
      .lean();
    return docs.reverse().map((doc) => messageFromDoc.parse(doc));
  }

  /** The message an earlier send with this clientId stored, if any. */
  async function byClientId(conversationId: string, clientId: string): Promise<Message | null> {
    return parseNullable(messageFromDoc, await messages.findOne({ conversationId, clientId }).lean());
  }

  /**
   * Raises the conversation's lastSeq and updatedAt to this message's, and moves the preview to it
   * unless a later visible message already holds it. $max keeps a slow append from moving them back.
   * Returns the conversation as the update left it (the caller tells the sockets without a read).
   */
  async function follow(message: Message, at: Date): Promise<Conversation> {
    const raise = { $max: { lastSeq: message.seq, updatedAt: at } };
    const after = { returnDocument: "after" } as const;
    // A notice has no text to preview, so the inbox keeps the last message's.
    if (!message.internal && message.notice === undefined) {
      const moved = await conversations
        .findOneAndUpdate(
          { _id: message.conversationId, previewSeq: trusted({ $lt: message.seq }) },
          { ...raise, $set: { previewSeq: message.seq, lastMessagePreview: messagePreview(message.text) } },
          after,
        )
        .lean();
      if (moved !== null) return conversationFromDoc.parse(moved);
    }
    const raised = await conversations.findOneAndUpdate({ _id: message.conversationId }, raise, after).lean();
    // Erased between the message's insert and this update: the message went with it.
    if (raised === null) {
      throw new Error(`cannot append a message: conversation ${message.conversationId} does not exist`);
    }
    return conversationFromDoc.parse(raised);
  }

  return {
    async append(input: NewMessage) {
      const conversationId = filterString(input.conversationId, "conversationId");
      const clientId = input.clientId === null ? null : filterString(input.clientId, "clientId");
      const conversation = await conversations.findById(conversationId, { lastSeq: 1 }).lean();
      if (conversation === null) {
        throw new Error(`cannot append a message: conversation ${conversationId} does not exist`);
      }
      // lastSeq never runs ahead of the stored messages, so it is a safe first guess; a stale one
      // only costs a retry.
      let seq = conversation.lastSeq + 1;
      for (let attempt = 1; ; attempt++) {
        if (clientId !== null) {
          const existing = await byClientId(conversationId, clientId);
          if (existing !== null) return { message: existing, duplicate: true };
        }
        const at = clock.now();
        // Checked before writing: a message that would not read back is never stored.
        const message = Message.parse({
          id: randomUUID(),
          conversationId,
          seq,
          clientId,
          author: input.author,
          authorName: input.authorName,
          text: input.text,
          ...(input.notice === undefined ? {} : { notice: plainJson(input.notice) }),
          sources: plainJson(input.sources),
          internal: input.internal,
          createdAt: at.toISOString(),
        });
        try {
          // Every customer message starts out queued for the bot; recovery finds it there after a crash.
          const handling = message.author === "customer" ? "queued" : null;
          await messages.create({ ...message, _id: message.id, createdAt: at, handling });
        } catch (error) {
          // Either the seq was taken (retry with the next one) or the clientId was (the check above
          // returns the winner's message on the next pass).
          if (!isDuplicateKey(error)) throw error;
          if (attempt >= MAX_ATTEMPTS) {
            throw new Error(`cannot append to conversation ${conversationId}: too much contention`, {
              cause: error,
            });
          }
          // A little jitter spreads a burst of appends out instead of having them collide in lockstep.
          await sleep(Math.random() * Math.min(20, attempt));
          seq = (await highestSeq(conversationId)) + 1;
          continue;
        }
        return { message, duplicate: false, conversation: await follow(message, at) };
      }
    },

    async listSince(conversationId, since, limit) {
      const max = checkLimit(limit);
      if (max === 0) return [];
      const docs = await messages
        .find({
          conversationId: filterString(conversationId, "conversationId"),
          seq: trusted({ $gt: filterNumber(since, "since") }),
        })
        .sort({ seq: 1 })
        .limit(max ?? 0)
        .lean();
      return docs.map((doc) => messageFromDoc.parse(doc));
    },

    listRecent,

    async listRecentContext(conversationId, count) {
      return (await listRecent(conversationId, count)).map(contextMessage);
    },

    async listWaiting(conversationId) {
      const docs = await messages
        .find({
          conversationId: filterString(conversationId, "conversationId"),
          handling: trusted({ $in: ["queued", "held"] }),
        })
        .sort({ seq: 1 })
        .lean();
      return docs.map((doc) => ({
        message: messageFromDoc.parse(doc),
        handling: WaitingDoc.parse(doc).handling,
      }));
    },

    async listHandling(conversationId) {
      const docs = await messages
        .find(
          {
            conversationId: filterString(conversationId, "conversationId"),
            handling: trusted({ $ne: null }),
          },
          { seq: 1, handling: 1 },
        )
        .sort({ seq: 1 })
        .lean();
      return docs.map((doc) => HandlingDoc.parse(doc));
    },

    async listQueuedConversations(before, limit) {
      const max = checkLimit(limit);
      if (max === 0) return [];
      // Messages, oldest first, through the partial index; a conversation with several counts once.
      const found: string[] = [];
      let skip = 0;
      const batch = Math.max(max ?? 100, 100);
      for (;;) {
        const docs = await messages
          .find(
            { handling: "queued", createdAt: trusted({ $lte: toDate(filterString(before, "before")) }) },
            { conversationId: 1 },
          )
          .sort({ createdAt: 1, _id: 1 })
          .skip(skip)
          .limit(batch)
          .lean();
        for (const doc of docs) {
          const { conversationId } = ConversationDoc.parse(doc);
          if (!found.includes(conversationId)) found.push(conversationId);
          if (max !== undefined && found.length >= max) return found;
        }
        if (docs.length < batch) return found;
        skip += batch;
      }
    },

    async setHandling(conversationId, { seq, from, to }) {
      const filter = {
        conversationId: filterString(conversationId, "conversationId"),
        handling: trusted({ $in: from.map((h) => MessageHandling.parse(h)) }),
        ...(seq === undefined ? {} : { seq: filterNumber(seq, "seq") }),
      };
      const result = await messages.updateMany(filter, { $set: { handling: MessageHandling.parse(to) } });
      return result.modifiedCount;
    },
  };
}
