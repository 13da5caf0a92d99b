import { trusted } from "mongoose";
import { z } from "zod";
import { HandoffOutcome, Id, Review, ReviewDecision, ReviewStatus, Timestamp } from "@handoff/contracts";
import type { Clock, ReviewRepo } from "@handoff/core";
import { NEVER_MS } from "../shared/json";
import { checkLimit, filterString, isDuplicateKey, parseNullable, plainJson, toDate } from "./docs";
import type { ReviewModel } from "./review-model";

/** A reviews document mapped to the contract Review (kind picks the packet and decision shapes). */
const reviewFromDoc = z
  .object({
    _id: z.string(),
    kind: z.string(),
    conversationId: z.string(),
    threadId: z.string(),
    status: z.string(),
    assigneeId: z.string().nullable(),
    assigneeName: z.string().nullable(),
    createdAt: z.string(),
    deadline: z.string(),
    decidedAt: z.string().nullable(),
    decidedBy: z.string().nullable(),
    packet: z.unknown(),
    decision: z.unknown(),
  })
  .transform(({ _id, ...rest }) => ({ ...rest, id: _id }))
  .pipe(Review);

// Mirrors the handoff branch of Review; contracts does not export it on its own.
const HandoffDecision = z.object({ type: HandoffOutcome });

const KindDoc = z.object({ kind: z.enum(["approval", "handoff"]) });

const Assignee = z.object({ id: Id, name: z.string() });

/** Oldest first; _id breaks ties within a millisecond so the order is stable. */
const OLDEST_FIRST = { createdTime: 1, _id: 1 } as const;

/** ReviewRepo on MongoDB: claim and decide are single findOneAndUpdate compare-and-sets. */
export function mongoReviewRepo(model: ReviewModel, clock: Clock): ReviewRepo {
  const get = async (id: string) => parseNullable(reviewFromDoc, await model.findById(id).lean());

  return {
    async create(input) {
      const review = Review.parse(input);
      try {
        await model.create({
          ...review,
          _id: review.id,
          createdTime: toDate(review.createdAt),
          deadlineTime: toDate(review.deadline),
          packet: plainJson(review.packet),
          decision: review.decision === null ? null : plainJson(review.decision),
        });
        return { review: reviewFromDoc.parse(await model.findById(review.id).lean()), created: true };
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
        // Someone stored this id first: theirs is the review.
        return { review: reviewFromDoc.parse(await model.findById(review.id).lean()), created: false };
      }
    },

    async get(id) {
      return get(filterString(id, "id"));
    },

    async listByStatus(statuses, limit) {
      const max = checkLimit(limit);
      if (max === 0 || statuses.length === 0) return [];
      const docs = await model
        .find({ status: trusted({ $in: statuses.filter(isReviewStatus) }) })
        .sort(OLDEST_FIRST)
        .limit(max ?? 0)
        .lean();
      return docs.map((doc) => reviewFromDoc.parse(doc));
    },

    async listByConversation(conversationId) {
      const docs = await model
        .find({ conversationId: filterString(conversationId, "conversationId") })
        .sort(OLDEST_FIRST)
        .lean();
      return docs.map((doc) => reviewFromDoc.parse(doc));
    },

    async claim(id, assignee) {
      const who = Assignee.parse(assignee);
      const claimed = await model
        .findOneAndUpdate(
          { _id: filterString(id, "id"), kind: "handoff", status: "pending" },
          { $set: { status: "claimed", assigneeId: who.id, assigneeName: who.name } },
          { returnDocument: "after", runValidators: true },
        )
        .lean();
      return parseNullable(reviewFromDoc, claimed);
    },

    async reassign(id, fromAssigneeId, to) {
      const who = to === null ? null : Assignee.parse(to);
      const moved = await model
        .findOneAndUpdate(
          {
            _id: filterString(id, "id"),
            kind: "handoff",
            status: "claimed",
            assigneeId: filterString(fromAssigneeId, "fromAssigneeId"),
          },
          {
            $set: {
              status: who ? "claimed" : "pending",
              assigneeId: who?.id ?? null,
              assigneeName: who?.name ?? null,
            },
          },
          { returnDocument: "after", runValidators: true },
        )
        .lean();
      return parseNullable(reviewFromDoc, moved);
    },

    async decide(id, from, decision, decidedBy) {
      const reviewId = filterString(id, "id");
      const found = await model.findById(reviewId, { kind: 1 }).lean();
      if (found === null) return null;
      // kind never changes, so checking it before the compare-and-set below is race-free.
      const { kind } = KindDoc.parse(found);
      const checked =
        kind === "approval" ? ReviewDecision.safeParse(decision) : HandoffDecision.safeParse(decision);
      if (!checked.success) {
        throw new Error(`review ${reviewId} is ${article(kind)} ${kind}; that decision does not fit it`, {
          cause: checked.error,
        });
      }
      const decided = await model
        .findOneAndUpdate(
          { _id: reviewId, status: trusted({ $in: from.map((s) => ReviewStatus.parse(s)) }) },
          {
            $set: {
              status: "decided",
              decision: plainJson(checked.data),
              decidedBy: Id.nullable().parse(decidedBy),
              decidedAt: clock.now().toISOString(),
              resumeDue: true,
            },
          },
          { returnDocument: "after", runValidators: true },
        )
        .lean();
      return parseNullable(reviewFromDoc, decided);
    },

    async listDue(now, limit) {
      const max = checkLimit(limit);
      if (max === 0) return [];
      const docs = await model
        .find({
          status: trusted({ $in: ["pending", "claimed"] }),
          deadlineTime: trusted({ $lte: toDate(filterString(now, "now")) }),
        })
        .sort({ deadlineTime: 1, _id: 1 })
        .limit(max ?? 0)
        .lean();
      return docs.map((doc) => reviewFromDoc.parse(doc));
    },

    async bringDeadlineForward(id, deadline) {
      const checked = Timestamp.parse(deadline);
      const at = toDate(checked);
      const moved = await model
        .findOneAndUpdate(
          { _id: filterString(id, "id"), status: "pending", deadlineTime: trusted({ $gt: at }) },
          { $set: { deadline: checked, deadlineTime: at } },
          { returnDocument: "after" },
        )
        .lean();
      return parseNullable(reviewFromDoc, moved);
    },

    async listUnapplied(before, limit) {
      const max = checkLimit(limit);
      if (max === 0) return [];
      const docs = await model
        .find({ resumeDue: true, decidedAt: trusted({ $lte: filterString(before, "before") }) })
        .sort({ decidedAt: 1, _id: 1 })
        .limit(max ?? 0)
        .lean();
      return docs.map((doc) => reviewFromDoc.parse(doc));
    },

    async markApplied(id) {
      await model.updateOne({ _id: filterString(id, "id") }, { $set: { resumeDue: false } });
    },

    async markDeadlineApplied(id) {
      // deadlineTime is when the sweep next looks at a review (the shown deadline is `deadline`): a
      // handled one moves to the end of time, out of every due range, and stays in the index.
      await model.updateOne({ _id: filterString(id, "id") }, { $set: { deadlineTime: new Date(NEVER_MS) } });
    },
  };
}

/** A filter, not a write: an unknown status just matches nothing, as in the SQLite adapter. */
function isReviewStatus(status: unknown): status is ReviewStatus {
  return ReviewStatus.safeParse(status).success;
}

/** "an approval" / "a handoff". */
function article(kind: Review["kind"]): string {
  return kind === "approval" ? "an" : "a";
}
