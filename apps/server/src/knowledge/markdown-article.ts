import matter from "gray-matter";
import { z } from "zod";
import { Article } from "@handoff/contracts";
import { DomainError } from "@handoff/core";

const FrontMatter = z.object({
  title: z.string().trim().min(1, "front matter needs a title"),
  tags: z
    .union([z.array(z.coerce.string()), z.string().transform((s) => s.split(",").map((t) => t.trim()))])
    .default([]),
});

/** Parses one Markdown file with YAML front matter (`title`, `tags`); the file name is the article id. */
export function parseMarkdownArticle(fileName: string, content: string, updatedAt = new Date()): Article {
  let parsed: matter.GrayMatterFile<string>;
  try {
    parsed = matter(content);
  } catch (error) {
    throw new DomainError("bad_request", `${fileName}: the YAML front matter is invalid (${String(error)})`);
  }
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
    body: parsed.content.trim(),
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
