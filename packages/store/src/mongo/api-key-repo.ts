import { z } from "zod";
import { ApiKey } from "@handoff/contracts";
import type { ApiKeyRepo } from "@handoff/core";
import type { ApiKeyModel } from "./api-key-model";
import { filterString, parseNullable } from "./docs";

/** An api_keys document mapped to the contract ApiKey (the secret hash stays in the database). */
const keyFromDoc = z
  .object({ _id: z.string() })
  .passthrough()
  .transform(({ _id, secretHash: _hash, ...rest }) => ({ ...rest, id: _id }))
  .pipe(ApiKey);

/** ApiKeyRepo on MongoDB: a unique index on the secret hash. */
export function mongoApiKeyRepo(model: ApiKeyModel): ApiKeyRepo {
  return {
    async create(input, secretHash) {
      const key = ApiKey.parse(input);
      const { id, ...fields } = key;
      await model.create({ ...fields, _id: id, secretHash: filterString(secretHash, "secretHash") });
      return key;
    },
    async findBySecretHash(secretHash) {
      return parseNullable(
        keyFromDoc,
        await model.findOne({ secretHash: filterString(secretHash, "secretHash") }).lean(),
      );
    },
    async get(id) {
      return parseNullable(keyFromDoc, await model.findById(filterString(id, "id")).lean());
    },
    async list() {
      const docs = await model.find({}).sort({ createdAt: -1, _id: -1 }).lean();
      return docs.map((doc) => keyFromDoc.parse(doc));
    },
    async revoke(id, at) {
      const _id = filterString(id, "id");
      // Only an unrevoked key takes the time, so a second revocation keeps the first.
      await model.updateOne({ _id, revokedAt: null }, { $set: { revokedAt: filterString(at, "at") } });
      return parseNullable(keyFromDoc, await model.findById(_id).lean());
    },
    async touch(id, at) {
      await model.updateOne(
        { _id: filterString(id, "id") },
        { $set: { lastUsedAt: filterString(at, "at") } },
      );
    },
  };
}
