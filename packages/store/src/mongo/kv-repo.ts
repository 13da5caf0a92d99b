import { z } from "zod";
import type { KeyValueRepo } from "@handoff/core";
import { filterString, plainJson } from "./docs";
import type { KeyValueModel } from "./kv-model";

const ValueDoc = z.object({ value: z.unknown() });

/** KeyValueRepo on MongoDB: values are normalised to JSON, so what comes back is what JSON.stringify kept. */
export function mongoKeyValueRepo(model: KeyValueModel): KeyValueRepo {
  return {
    async get(key) {
      const doc = await model.findById(filterString(key, "key"), { value: 1 }).lean();
      // A stored null reads back as null; a missing document as undefined.
      return doc === null ? undefined : (ValueDoc.parse(doc).value ?? null);
    },

    async set(key, value) {
      const id = filterString(key, "key");
      // undefined is not JSON; storing it as "no value" keeps get(key) === undefined after set(key, undefined).
      if (value === undefined) await model.deleteOne({ _id: id });
      else await model.replaceOne({ _id: id }, { _id: id, value: plainJson(value) }, { upsert: true });
    },
  };
}
