import { z } from "zod";
import { Article } from "@handoff/contracts";
import { DomainError } from "@handoff/core";
import { readFrontMatter } from "./front-matter";

/** A tag may be written as a YAML string, number or boolean; objects and lists are refused, not stringified. */
const Tag = z.union([z.string(), z.number(), z.boolean()]).transform(String);

const FrontMatter = z.object({
  title: z.string({ error: "front matter needs a title" }).trim().min(1, "front matter needs a title"),
  tags: z
    .union([
      z.array(Tag).max(30, "at most 30 tags"),
      z.string().transform((s) => s.split(",").map((t) => t.trim())),
    ])
    .default([]),
});

/** Parses one Markdown file with YAML front matter (`title`, `tags`); the file name is the article id. */
export function parseMarkdownArticle(fileName: string, content: string, updatedAt = new Date()): Article {
  const parsed = readFrontMatter(fileName, content);
  const front = FrontMatter.safeParse(parsed.data);
  if (!front.success) {
    throw new DomainError(
      "bad_request",
      `${fileName}: ${front.error.issues.map((i) => i.message).join("; ")}`,
    );
  }
  const article = Article.safeParse({
    id: fileName.replace(/\.md$/i, ""),
    title: front.data.title,
    tags: front.data.tags.filter(Boolean),
    body: parsed.body.trim(),
    updatedAt: updatedAt.toISOString(),
  });
  if (!article.success) {
    throw new DomainError(
      "bad_request",
      `${fileName}: ${article.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`,
    );
  }
  return article.data;
}
