import type Database from "better-sqlite3";
import { z } from "zod";
import { Article } from "@handoff/contracts";
import type { ArticleRepo } from "@handoff/core";
import { fromJson, toJson } from "../shared/json";
import { CountRow, parseOptional } from "./rows";

/** An articles row mapped to the contract Article. */
const articleFromRow = z
  .object({ id: z.string(), title: z.string(), tags: z.string(), body: z.string(), updated_at: z.string() })
  .transform((row) => ({
    id: row.id,
    title: row.title,
    tags: fromJson(row.tags),
    body: row.body,
    updatedAt: row.updated_at,
  }))
  .pipe(Article);

/** ArticleRepo on SQLite. */
export function sqliteArticleRepo(db: Database.Database): ArticleRepo {
  const upsert = db.prepare(
    `INSERT INTO articles (id, title, tags, body, updated_at) VALUES (@id, @title, @tags, @body, @updated_at)
     ON CONFLICT (id) DO UPDATE SET
       title = excluded.title, tags = excluded.tags, body = excluded.body, updated_at = excluded.updated_at`,
  );
  const list = db.prepare("SELECT * FROM articles ORDER BY id ASC");
  const byId = db.prepare("SELECT * FROM articles WHERE id = ?");
  const count = db.prepare("SELECT COUNT(*) AS n FROM articles");

  // One transaction per import: a help center is replaced whole or not at all.
  const upsertMany = db.transaction((articles: readonly Article[]) => {
    for (const input of articles) {
      const article = Article.parse(input);
      upsert.run({
        id: article.id,
        title: article.title,
        tags: toJson(article.tags),
        body: article.body,
        updated_at: article.updatedAt,
      });
    }
  });

  return {
    async upsertMany(articles) {
      upsertMany.immediate(articles);
    },

    async list() {
      return list.all().map((row) => articleFromRow.parse(row));
    },

    async get(id) {
      return parseOptional(articleFromRow, byId.get(id));
    },

    async count() {
      return CountRow.parse(count.get()).n;
    },
  };
}
