/**
 * Text preparation shared by the screens for instructions and secret requests: one comparable form
 * for English, French, German and Spanish, with the places an instruction can hide made plain.
 */

/** Characters that render as nothing (or a soft hyphen) and are used to split a word past a filter. */
const INVISIBLE = /[\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]/g;

/**
 * Lower case, accents dropped (a French or German word matches without its diacritics), typographic
 * quotes and apostrophes made plain, invisible characters removed. NFKC first turns full-width and
 * other compatibility letters into their plain forms.
 */
export function normalizeText(text: string): string {
  return text
    .normalize("NFKC")
    .replace(INVISIBLE, "")
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .replace(/[\u2018\u2019\u201A\u201B\u02BC\u00B4]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u00AB\u00BB\u2039\u203A]/g, '"')
    .replace(/[\u2010-\u2015]/g, "-")
    .replace(/[\u00BF\u00A1]/g, " ")
    .toLowerCase();
}

/**
 * The text with the markup that can hide an instruction turned into plain sentences: HTML and
 * Markdown comments, code fences and inline code, block quotes, emphasis and headings. Their
 * content is kept (it is what a model would read); only the wrapping goes, and each wrapper ends a
 * sentence so its content is judged on its own.
 */
export function unwrapMarkup(text: string): string {
  return text
    .replace(/<!--([\s\S]*?)(?:-->|$)/g, ".\n$1.\n")
    .replace(/^\s*\[[^\]]*\]:\s*#\s*\(([^)]*)\)/gm, ".\n$1.\n")
    .replace(/```[\w-]*|~~~[\w-]*/g, ".\n")
    .replace(/<\/?[a-z][\w-]*(?:\s[^>]*)?>/gi, ".\n")
    .replace(/^\s*(?:>\s*)+/gm, "")
    .replace(/^\s*#{1,6}\s*/gm, ".\n")
    .replace(/[*_~`|]+/g, " ")
    .replace(/[ \t]+/g, " ");
}

/** Sentences: split at sentence ends, line breaks, semicolons, brackets and quotation marks. */
export function sentences(text: string): string[] {
  return text
    .split(/[.!?;\n\r()[\]{}"]+|:\s+|\s-\s/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** Clauses of a sentence: split at commas and at words that join two main clauses. */
export function clauses(sentence: string): string[] {
  return sentence
    .split(/,\s*|\s+(?:and then|then|but|however|mais|puis|aber|dann|pero|luego)\s+/)
    .map((c) => c.trim())
    .filter((c) => c.length > 0);
}

/** A regular-expression alternation of words or phrases (longest first, so a phrase wins over its head). */
export function alternation(words: readonly string[]): string {
  return [...words]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/ /g, "\\s+"))
    .join("|");
}

/** The first `max` characters of a phrase, for evidence a person can read. */
export function quote(text: string, max = 120): string {
  const trimmed = text.trim().replace(/\s+/g, " ");
  return trimmed.length > max ? `${trimmed.slice(0, max - 1)}…` : trimmed;
}
