import { describe, expect, it } from "vitest";
import { parseMarkdownArticle } from "./markdown-article";

const bad = (content: string): string => {
  try {
    parseMarkdownArticle("x.md", content);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  throw new Error("the file was accepted");
};

/** The 390-byte "billion laughs" of YAML: nine levels of nine aliases each. */
const ALIAS_BOMB = [
  "---",
  "title: Bomb",
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]",
  "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]",
  "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]",
  "e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]",
  "f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]",
  "g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]",
  "h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]",
  "tags: [*h,*h,*h,*h,*h,*h,*h,*h,*h]",
  "---",
  "body",
].join("\n");

describe("front matter attacks", () => {
  it.each(["---js", "---javascript", "---coffee", "--- js", "---JavaScript"])(
    "a %s front matter is refused, never evaluated",
    (fence) => {
      Reflect.set(globalThis, "pwned", false);
      const message = bad(`${fence}\n{ title: (globalThis.pwned = true, process.env.HOME) }\n---\nbody`);
      expect(message).toMatch(/only YAML front matter is accepted/);
      expect(Reflect.get(globalThis, "pwned")).toBe(false);
    },
  );

  it("a YAML alias bomb in the tags is refused before it expands", () => {
    expect(bad(ALIAS_BOMB)).toMatch(/front matter is refused.*alias/i);
  });

  it("YAML type tags that would build code or objects are not interpreted", () => {
    const article = parseMarkdownArticle(
      "x.md",
      "---\ntitle: !!js/function 'function () { return 1 }'\n---\nbody",
    );
    expect(typeof article.title).toBe("string");
  });

  it("front matter over the size cap is refused without being parsed", () => {
    expect(bad(`---\ntitle: T\nnote: "${"x".repeat(9000)}"\n---\nbody`)).toMatch(/larger than 8 KB/);
  });

  it("tags that are objects are refused rather than stored as [object Object]", () => {
    expect(bad("---\ntitle: T\ntags: [{ a: 1 }]\n---\nbody")).toMatch(/x\.md/);
  });

  it("a front matter without its closing fence is refused", () => {
    expect(bad("---\ntitle: T\nbody without a fence")).toMatch(/no closing ---/);
  });
});

describe("ordinary Markdown articles", () => {
  it("reads the title, tags (list or comma-separated) and body", () => {
    const listed = parseMarkdownArticle(
      "care.md",
      "---\ntitle: Care\ntags: [wash, dry]\n---\n\nWash cold.\n",
    );
    expect(listed).toMatchObject({ id: "care", title: "Care", tags: ["wash", "dry"], body: "Wash cold." });
    const commas = parseMarkdownArticle(
      "care.md",
      "---yaml\r\ntitle: Care\r\ntags: wash, dry\r\n---\r\nWash cold.",
    );
    expect(commas).toMatchObject({ tags: ["wash", "dry"], body: "Wash cold." });
  });

  it("keeps a horizontal rule in the body and reads numeric tags as text", () => {
    const article = parseMarkdownArticle("a.md", "---\ntitle: A\ntags: [2024, true]\n---\nOne\n\n---\n\nTwo");
    expect(article.tags).toEqual(["2024", "true"]);
    expect(article.body).toBe("One\n\n---\n\nTwo");
  });

  it("a file with no front matter needs a title", () => {
    expect(bad("just a body")).toMatch(/front matter needs a title/);
  });
});
