import { trusted } from "mongoose";
import { z } from "zod";
import { ApiChannel, ChannelDelivery, ChannelLink } from "@handoff/contracts";
import type { ChannelRepo } from "@handoff/core";
import { filterString, isDuplicateKey, parseNullable, plainJson } from "./docs";
import type { ChannelModels } from "./channel-model";
import type { MessageModel } from "./message-model";

const MAX_REFS = 20;

const channelFromDoc = z
  .object({ _id: z.string() })
  .passthrough()
  .transform(({ _id, secret: _secret, ...rest }) => ({ ...rest, id: _id }))
  .pipe(ApiChannel);

const linkFromDoc = z
  .object({ _id: z.string() })
  .passthrough()
  .transform(({ _id, ...rest }) => ({ ...rest, conversationId: _id }))
  .pipe(ChannelLink);

const deliveryFromDoc = z
  .object({ _id: z.string() })
  .passthrough()
  .transform(({ _id, nextAttemptMs: _ms, ...rest }) => ({ ...rest, id: _id }))
  .pipe(ChannelDelivery);

const keyOf = (channelId: string | null, externalKey: string) =>
  `${filterString(channelId ?? "", "channelId")}\u0000${filterString(externalKey, "externalKey")}`;

/** ChannelRepo on MongoDB: thread keys are documents of their own, so a key is taken once. */
export function mongoChannelRepo(models: ChannelModels & { messages: MessageModel }): ChannelRepo {
  const getLink = async (conversationId: string) =>
    parseNullable(
      linkFromDoc,
      await models.channelLinks.findById(filterString(conversationId, "conversationId")).lean(),
    );

  return {
    async createChannel(input, secret) {
      const channel = ApiChannel.parse(input);
      const { id, ...fields } = channel;
      await models.apiChannels.create({ ...fields, _id: id, secret: filterString(secret, "secret") });
      return channel;
    },
    async getChannel(id) {
      const doc = await models.apiChannels.findById(filterString(id, "id")).lean();
      const channel = parseNullable(channelFromDoc, doc);
      return channel && doc ? { channel, secret: doc.secret } : null;
    },
    async listChannels() {
      const docs = await models.apiChannels.find({}).sort({ createdAt: 1, _id: 1 }).lean();
      return docs.map((doc) => channelFromDoc.parse(doc));
    },
    async updateChannel(id, patch) {
      const set = Object.fromEntries(
        Object.entries({ enabled: patch.enabled, name: patch.name, webhookUrl: patch.webhookUrl }).filter(
          ([, value]) => value !== undefined,
        ),
      );
      const doc = await models.apiChannels
        .findByIdAndUpdate(filterString(id, "id"), { $set: set }, { returnDocument: "after" })
        .lean();
      return parseNullable(channelFromDoc, doc);
    },
    async link(input) {
      const link = ChannelLink.parse(input);
      if (link.externalKey !== null) {
        const key = keyOf(link.channelId, link.externalKey);
        try {
          await models.channelKeys.create({ _id: key, conversationId: link.conversationId });
        } catch (error) {
          if (!isDuplicateKey(error)) throw error;
          const taken = await models.channelKeys.findById(key).lean();
          const existing = taken ? await getLink(taken.conversationId) : null;
          if (existing && existing.conversationId !== link.conversationId) return existing;
        }
      }
      const current = await getLink(link.conversationId);
      const threadRefs =
        current?.kind === "email" && link.kind === "email" && link.threadRefs.length === 0
          ? current.threadRefs
          : link.threadRefs;
      const { conversationId, createdAt, ...fields } = link;
      const doc = await models.channelLinks
        .findByIdAndUpdate(
          conversationId,
          { $set: { ...fields, threadRefs }, $setOnInsert: { createdAt } },
          { returnDocument: "after", upsert: true },
        )
        .lean();
      return linkFromDoc.parse(doc);
    },
    getLink,
    async findByExternalKey(channelId, externalKey) {
      const taken = await models.channelKeys.findById(keyOf(channelId, externalKey)).lean();
      return taken ? getLink(taken.conversationId) : null;
    },
    async addThreadRef(conversationId, ref) {
      const current = await getLink(conversationId);
      if (!current || current.threadRefs.includes(ref)) return;
      await models.channelLinks.updateOne(
        { _id: conversationId },
        { $set: { threadRefs: [...current.threadRefs, filterString(ref, "ref")].slice(-MAX_REFS) } },
      );
    },
    async listUnqueued(since, limit) {
      // Replies since then, in pages, kept when their conversation was on a channel by then and no
      // delivery names them. Few conversations are on a channel, so most pages shrink to nothing.
      const found: Array<{ conversationId: string; seq: number }> = [];
      const page = 500;
      for (let skip = 0; found.length < limit; skip += page) {
        const replies = await models.messages
          .find(
            {
              createdAt: trusted({ $gte: new Date(filterString(since, "since")) }),
              internal: false,
              author: trusted({ $in: ["bot", "agent", "system"] }),
            },
            { _id: 1, conversationId: 1, seq: 1, createdAt: 1 },
          )
          .sort({ createdAt: 1, _id: 1 })
          .skip(skip)
          .limit(page)
          .lean();
        if (replies.length === 0) break;
        const ids = [...new Set(replies.map((m) => m.conversationId))];
        const links = await models.channelLinks.find({ _id: trusted({ $in: ids }) }, { createdAt: 1 }).lean();
        const linkedAt = new Map(links.map((l) => [String(l._id), String(l.createdAt)]));
        const queued = await models.channelDeliveries
          .find({ messageId: trusted({ $in: replies.map((m) => m._id) }) }, { messageId: 1 })
          .lean();
        const done = new Set(queued.map((d) => String(d.messageId)));
        for (const m of replies) {
          const at = linkedAt.get(m.conversationId);
          if (at === undefined || done.has(m._id) || m.createdAt.toISOString() < at) continue;
          found.push({ conversationId: m.conversationId, seq: m.seq });
          if (found.length === limit) break;
        }
      }
      return found;
    },

    async enqueue(rows) {
      let added = 0;
      for (const row of rows) {
        const { id, ...fields } = ChannelDelivery.parse(row);
        try {
          await models.channelDeliveries.create({
            ...fields,
            message: plainJson(fields.message),
            _id: id,
            nextAttemptMs: Date.parse(fields.nextAttemptAt),
          });
          added += 1;
        } catch (error) {
          if (!isDuplicateKey(error)) throw error;
        }
      }
      return added;
    },
    async claimDue(now, leaseUntil, limit) {
      const claimed: ChannelDelivery[] = [];
      const nowMs = Date.parse(filterString(now, "now"));
      const untilMs = Date.parse(filterString(leaseUntil, "leaseUntil"));
      while (claimed.length < limit) {
        const doc = await models.channelDeliveries
          .findOneAndUpdate(
            { status: "pending", nextAttemptMs: trusted({ $lte: nowMs }) },
            { $set: { nextAttemptAt: leaseUntil, nextAttemptMs: untilMs } },
            { sort: { nextAttemptMs: 1, createdAt: 1 }, returnDocument: "after" },
          )
          .lean();
        if (!doc) break;
        claimed.push(deliveryFromDoc.parse(doc));
      }
      return claimed;
    },
    async recordAttempt(id, outcome) {
      await models.channelDeliveries.updateOne(
        { _id: filterString(id, "id") },
        { $set: { ...outcome, nextAttemptMs: Date.parse(outcome.nextAttemptAt) } },
      );
    },
    async forget(conversationIds) {
      const ids = conversationIds.map((id) => filterString(id, "conversationId"));
      if (ids.length === 0) return 0;
      const inIds = trusted({ $in: ids });
      const links = await models.channelLinks.deleteMany({ _id: inIds });
      const keys = await models.channelKeys.deleteMany({ conversationId: inIds });
      const deliveries = await models.channelDeliveries.deleteMany({ conversationId: inIds });
      return links.deletedCount + keys.deletedCount + deliveries.deletedCount;
    },
    async listDeliveries(filter, limit) {
      const query =
        "target" in filter
          ? { target: filterString(filter.target, "target") }
          : { conversationId: filterString(filter.conversationId, "conversationId") };
      const docs = await models.channelDeliveries
        .find(query)
        .sort({ createdAt: -1, _id: -1 })
        .limit(limit)
        .lean();
      return docs.map((doc) => deliveryFromDoc.parse(doc));
    },
  };
}
