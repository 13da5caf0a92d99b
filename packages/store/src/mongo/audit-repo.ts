import { trusted, Types } from "mongoose";
import { z } from "zod";
import { AuditAction, AuditEvent } from "@handoff/contracts";
import type { AuditRepo, Clock } from "@handoff/core";
import type { AuditModel } from "./audit-model";
import { escapeRegExp } from "../shared/regexp";
import { auditSearchText, searchWords, type AuditText } from "../shared/search-words";
import { checkLimit, filterString, plainJson } from "./docs";

/** An audit_events document mapped to the contract AuditEvent. */
export const auditFromDoc = z
  .object({
    _id: z.instanceof(Types.ObjectId),
    at: z.date(),
    actor: z.unknown(),
    action: z.string(),
    conversationId: z.string().nullable(),
    details: z.unknown(),
  })
  .transform(({ _id, at, ...rest }) => ({ ...rest, id: _id.toHexString(), at: at.toISOString() }))
  .pipe(AuditEvent);

/** Rewrites an event's details and the search text drawn from them (after a redaction, say). */
export const detailsUpdate = (event: AuditText & { id: string }) => ({
  updateOne: {
    filter: { _id: new Types.ObjectId(event.id) },
    update: { $set: { details: plainJson(event.details), searchText: auditSearchText(event) } },
  },
});

/**
 * Gives events stored before the search text existed their text, so a word search finds them as it
 * finds new ones. In batches, so a long log is never held in memory at once.
 */
export async function backfillAuditSearchText(model: AuditModel): Promise<number> {
  let filled = 0;
  for (;;) {
    const docs = await model
      .find({ $or: [{ searchText: trusted({ $exists: false }) }, { searchText: "" }] })
      .limit(500)
      .lean();
    if (docs.length === 0) return filled;
    await model.bulkWrite(docs.map((doc) => detailsUpdate(auditFromDoc.parse(doc))));
    filled += docs.length;
  }
}

/** AuditRepo on MongoDB: append-only, read newest first. */
export function mongoAuditRepo(model: AuditModel, clock: Clock): AuditRepo {
  return {
    async append(event) {
      const _id = new Types.ObjectId();
      const at = clock.now();
      // Validated, and details normalised to what JSON keeps, before writing: a bad event is refused
      // rather than poisoning every later list(), and it reads back as the SQLite adapter's does.
      const checked = AuditEvent.parse({
        ...event,
        id: _id.toHexString(),
        at: at.toISOString(),
        details: plainJson(event.details),
      });
      await model.create({
        _id,
        at,
        actor: checked.actor,
        action: checked.action,
        conversationId: checked.conversationId,
        details: checked.details,
        searchText: auditSearchText(checked),
      });
      return checked;
    },

    async list({ conversationId, action, text, from, to, limit }) {
      const max = checkLimit(limit);
      const words = searchWords(text);
      // Any action string may be asked for; one that is not an AuditAction matches nothing, as in SQLite.
      const known = action === undefined ? undefined : AuditAction.safeParse(action);
      if (max === 0 || known?.success === false) return [];
      const filter = {
        ...(conversationId === undefined
          ? {}
          : { conversationId: filterString(conversationId, "conversationId") }),
        ...(known?.success ? { action: known.data } : {}),
        ...(from || to
          ? {
              at: trusted({
                ...(from ? { $gte: new Date(filterString(from, "from")) } : {}),
                ...(to ? { $lte: new Date(filterString(to, "to")) } : {}),
              }),
            }
          : {}),
        ...(words.length
          ? { $and: words.map((w) => ({ searchText: trusted({ $regex: escapeRegExp(w) }) })) }
          : {}),
      };
      const docs = await model
        .find(filter)
        .sort({ at: -1, _id: -1 })
        .limit(max ?? 0)
        .lean();
      return docs.map((doc) => auditFromDoc.parse(doc));
    },
  };
}
