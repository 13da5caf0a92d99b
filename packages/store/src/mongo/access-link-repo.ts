import { trusted } from "mongoose";
import { z } from "zod";
import { AccessLink, AccessLinkKind, Timestamp } from "@handoff/contracts";
import type { AccessLinkRepo } from "@handoff/core";
import { normaliseEmail } from "../shared/email";
import type { AccessLinkModel } from "./access-link-model";
import { filterString, parseNullable } from "./docs";

/** An access_links document mapped to the contract AccessLink (the token hash stays in the database). */
const linkFromDoc = z
  .object({ _id: z.string() })
  .passthrough()
  .transform(({ _id, ...rest }) => ({ ...rest, id: _id }))
  .pipe(AccessLink);

const utc = (value: string) => new Date(Timestamp.parse(value)).toISOString();

/** AccessLinkRepo on MongoDB: using and revoking a link are single findOneAndUpdate compare-and-sets. */
export function mongoAccessLinkRepo(model: AccessLinkModel): AccessLinkRepo {
  const open = (at: string) => ({ usedAt: null, revokedAt: null, expiresAt: trusted({ $gt: at }) });
  return {
    async create(input, tokenHash) {
      const link = AccessLink.parse(input);
      const stored = {
        ...link,
        email: normaliseEmail(link.email),
        createdAt: utc(link.createdAt),
        expiresAt: utc(link.expiresAt),
        usedAt: link.usedAt === null ? null : utc(link.usedAt),
        revokedAt: link.revokedAt === null ? null : utc(link.revokedAt),
      };
      const { id, ...fields } = stored;
      await model.create({ ...fields, _id: id, tokenHash: z.string().min(1).parse(tokenHash) });
      return stored;
    },

    async findByTokenHash(tokenHash) {
      const doc = await model
        .findOne({ tokenHash: filterString(tokenHash, "tokenHash") }, { tokenHash: 0 })
        .lean();
      return parseNullable(linkFromDoc, doc);
    },

    async get(id) {
      return parseNullable(
        linkFromDoc,
        await model.findById(filterString(id, "id"), { tokenHash: 0 }).lean(),
      );
    },

    async listOpen(kind, now) {
      const docs = await model
        .find({ kind: AccessLinkKind.parse(kind), ...open(utc(now)) }, { tokenHash: 0 })
        .sort({ createdAt: -1, _id: -1 })
        .lean();
      return docs.map((doc) => linkFromDoc.parse(doc));
    },

    async use(id, at) {
      const when = utc(at);
      const doc = await model
        .findOneAndUpdate(
          { _id: filterString(id, "id"), ...open(when) },
          { $set: { usedAt: when } },
          { returnDocument: "after", projection: { tokenHash: 0 } },
        )
        .lean();
      return parseNullable(linkFromDoc, doc);
    },

    async revoke(id, at) {
      const doc = await model
        .findOneAndUpdate(
          { _id: filterString(id, "id"), usedAt: null, revokedAt: null },
          { $set: { revokedAt: utc(at) } },
          { returnDocument: "after", projection: { tokenHash: 0 } },
        )
        .lean();
      return parseNullable(linkFromDoc, doc);
    },

    async revokeOpenFor(kind, email, at) {
      const result = await model.updateMany(
        {
          kind: AccessLinkKind.parse(kind),
          email: normaliseEmail(filterString(email, "email")),
          usedAt: null,
          revokedAt: null,
        },
        { $set: { revokedAt: utc(at) } },
      );
      return result.modifiedCount;
    },
  };
}
