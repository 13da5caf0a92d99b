import { z } from "zod";
import { Article, KnowledgeScreening } from "@handoff/contracts";
import type { ArticleRepo } from "@handoff/core";
import type { ArticleModel } from "./article-model";
import { filterString, parseNullable } from "./docs";

/** An articles document mapped to the contract Article. */
const articleFromDoc = z
  .object({
    _id: z.string(),
    title: z.string(),
    tags: z.array(z.string()),
    body: z.string(),
    updatedAt: z.string(),
    screening: KnowledgeScreening.nullable().optional(),
  })
  .transform(({ _id, screening, ...rest }) => ({ ...rest, id: _id, ...(screening ? { screening } : {}) }))
  .pipe(Article);

/** ArticleRepo on MongoDB. */
export function mongoArticleRepo(model: ArticleModel): ArticleRepo {
  return {
    async upsertMany(articles) {
      // Every article is checked before the first write, so a bad file refuses the whole import. Without
      // transactions a server failure mid-import can still leave part of it; re-running it is safe.
      const checked = articles.map((input) => Article.parse(input));
      if (checked.length === 0) return;
      await model.bulkWrite(
        checked.map(({ id, screening, ...fields }) => ({
          replaceOne: {
            filter: { _id: id },
            replacement: { _id: id, ...fields, screening: screening ?? null },
            upsert: true,
          },
        })),
      );
    },

    async list() {
      const docs = await model.find().sort({ _id: 1 }).lean();
      return docs.map((doc) => articleFromDoc.parse(doc));
    },

    async get(id) {
      return parseNullable(articleFromDoc, await model.findById(filterString(id, "id")).lean());
    },

    async count() {
      return model.countDocuments();
    },

    async setScreening(id, screening) {
      const value = screening === null ? null : KnowledgeScreening.parse(screening);
      const doc = await model
        .findOneAndUpdate(
          { _id: filterString(id, "id") },
          { $set: { screening: value } },
          { returnDocument: "after" },
        )
        .lean();
      return parseNullable(articleFromDoc, doc);
    },

    async delete(id) {
      const result = await model.deleteOne({ _id: filterString(id, "id") });
      return result.deletedCount > 0;
    },
  };
}
