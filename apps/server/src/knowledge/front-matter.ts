import { parseDocument } from "yaml";
import { DomainError } from "@handoff/core";

/** Front matter larger than this is refused before it is parsed: titles and tags fit in far less. */
export const MAX_FRONT_MATTER_BYTES = 8 * 1024;
/**
 * Aliases a front matter may expand. Titles and tags never need them; a small allowance keeps a
 * hand-written `&tag` / `*tag` working while an alias bomb fails at once instead of expanding.
 */
const MAX_ALIAS_COUNT = 20;

/** The data and body of a Markdown file whose front matter has been read as plain YAML. */
export interface FrontMatterFile {
  data: unknown;
  body: string;
}

const OPENING = /^\uFEFF?---([^\r\n]*)\r?\n/;
const CLOSING = /^---[ \t]*$/m;

/**
 * Splits a Markdown file into its YAML front matter and body. Only YAML is read (a `---js` or any
 * other language marker is refused, never evaluated), with the YAML core schema (no custom types),
 * a size cap checked before parsing and a cap on alias expansion, so a file cannot run code or
 * make the server expand a few hundred bytes into gigabytes.
 */
export function readFrontMatter(fileName: string, content: string): FrontMatterFile {
  const opening = OPENING.exec(content);
  if (opening === null) return { data: {}, body: content };
  const language = (opening[1] ?? "").trim().toLowerCase();
  if (language !== "" && language !== "yaml") {
    throw new DomainError(
      "bad_request",
      `${fileName}: only YAML front matter is accepted (found "---${opening[1]?.trim()}")`,
    );
  }
  const rest = content.slice(opening[0].length);
  const closing = CLOSING.exec(rest);
  if (closing === null)
    throw new DomainError("bad_request", `${fileName}: the front matter has no closing ---`);
  const yamlText = rest.slice(0, closing.index);
  if (Buffer.byteLength(yamlText, "utf8") > MAX_FRONT_MATTER_BYTES) {
    throw new DomainError(
      "bad_request",
      `${fileName}: the front matter is larger than ${MAX_FRONT_MATTER_BYTES / 1024} KB`,
    );
  }
  const body = rest.slice(closing.index + closing[0].length).replace(/^\r?\n/, "");
  return { data: parseYaml(fileName, yamlText), body };
}

function parseYaml(fileName: string, text: string): unknown {
  const doc = parseDocument(text, { schema: "core", uniqueKeys: true, prettyErrors: false });
  const problem = doc.errors[0];
  if (problem !== undefined) {
    throw new DomainError(
      "bad_request",
      `${fileName}: the YAML front matter is invalid (${problem.message})`,
    );
  }
  try {
    return doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) ?? {};
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new DomainError("bad_request", `${fileName}: the YAML front matter is refused (${reason})`);
  }
}
