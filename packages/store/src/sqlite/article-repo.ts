import type Database from "better-sqlite3";
import { z } from "zod";
import { Article, KnowledgeScreening } from "@handoff/contracts";
import type { ArticleRepo } from "@handoff/core";
import { fromJson, toJson } from "../shared/json";
import { CountRow, parseOptional } from "./rows";

/** An articles row mapped to the contract Article (no screening key when it was screened clean). */
const articleFromRow = z
  .object({
    id: z.string(),
    title: z.string(),
    tags: z.string(),
    body: z.string(),
    updated_at: z.string(),
    screening: z.string().nullable(),
  })
  .transform((row) => ({
    id: row.id,
    title: row.title,
    tags: fromJson(row.tags),
    body: row.body,
    updatedAt: row.updated_at,
    ...(row.screening === null ? {} : { screening: KnowledgeScreening.parse(fromJson(row.screening)) }),
  }))
  .pipe(Article);

const screeningColumn = (screening: KnowledgeScreening | null | undefined) =>
  screening ? toJson(KnowledgeScreening.parse(screening)) : null;

/** ArticleRepo on SQLite. */
export function sqliteArticleRepo(db: Database.Database): ArticleRepo {
  const upsert = db.prepare(
    `INSERT INTO articles (id, title, tags, body, updated_at, screening)
     VALUES (@id, @title, @tags, @body, @updated_at, @screening)
     ON CONFLICT (id) DO UPDATE SET
       title = excluded.title, tags = excluded.tags, body = excluded.body, updated_at = excluded.updated_at,
       screening = excluded.screening`,
  );
  const list = db.prepare("SELECT * FROM articles ORDER BY id ASC");
  const byId = db.prepare("SELECT * FROM articles WHERE id = ?");
  const count = db.prepare("SELECT COUNT(*) AS n FROM articles");
  const setScreening = db.prepare("UPDATE articles SET screening = ? WHERE id = ?");
  const remove = db.prepare("DELETE FROM articles WHERE id = ?");

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
        screening: screeningColumn(article.screening),
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

    async setScreening(id, screening) {
      if (setScreening.run(screeningColumn(screening), id).changes === 0) return null;
      return parseOptional(articleFromRow, byId.get(id));
    },

    async delete(id) {
      return remove.run(id).changes > 0;
    },
  };
}
