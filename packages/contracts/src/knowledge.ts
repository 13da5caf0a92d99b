import { z } from "zod";
import { Timestamp } from "./common";
import { Correction } from "./feedback";

/** Article ids come from file names: lowercase slugs. */
export const ArticleId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]{0,127}$/i, "article id must be a file-name slug (letters, digits, . _ -)");

/**
 * Why an article was held back from the bot at import (it addresses the assistant, scripts its
 * answers or asks for secrets), and whether a supervisor has since released it for use.
 */
export const KnowledgeScreening = z.object({
  status: z.enum(["quarantined", "released"]),
  reasons: z.array(z.string().min(1).max(1000)).min(1).max(10),
  at: Timestamp,
  /** Who released it (null while quarantined). */
  releasedBy: z.string().nullable(),
});
export type KnowledgeScreening = z.infer<typeof KnowledgeScreening>;

/** A help-center article. */
export const Article = z.object({
  id: ArticleId,
  title: z.string().trim().min(1).max(300),
  tags: z.array(z.string().trim().min(1).max(60)).max(30),
  body: z.string().min(1).max(100_000),
  updatedAt: Timestamp,
  /** Absent: screened clean. A quarantined article is never searched or answered from. */
  screening: KnowledgeScreening.optional(),
});
export type Article = z.infer<typeof Article>;

/** One Markdown file as uploaded for import (name is the file name, content has YAML front matter). */
export const MarkdownFile = z.object({
  name: z.string().regex(/^[a-z0-9][a-z0-9._-]{0,127}\.md$/i, "file name must be a slug ending in .md"),
  content: z.string().min(1).max(200_000),
});
export type MarkdownFile = z.infer<typeof MarkdownFile>;

/** What a supervisor sees of held-back knowledge: quarantined articles and corrections, with reasons. */
export const QuarantineList = z.object({
  articles: z.array(Article),
  corrections: z.array(Correction),
});
export type QuarantineList = z.infer<typeof QuarantineList>;
