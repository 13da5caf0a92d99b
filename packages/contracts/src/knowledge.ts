import { z } from "zod";
import { Timestamp } from "./common";

/** Article ids come from file names: lowercase slugs. */
export const ArticleId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]{0,127}$/i, "article id must be a file-name slug (letters, digits, . _ -)");

/** A help-center article. */
export const Article = z.object({
  id: ArticleId,
  title: z.string().trim().min(1).max(300),
  tags: z.array(z.string().trim().min(1).max(60)).max(30),
  body: z.string().min(1).max(100_000),
  updatedAt: Timestamp,
});
export type Article = z.infer<typeof Article>;

/** One Markdown file as uploaded for import (name is the file name, content has YAML front matter). */
export const MarkdownFile = z.object({
  name: z.string().regex(/^[a-z0-9][a-z0-9._-]{0,127}\.md$/i, "file name must be a slug ending in .md"),
  content: z.string().min(1).max(200_000),
});
export type MarkdownFile = z.infer<typeof MarkdownFile>;
