import { marked, type Token, type Tokens } from "marked";
import { splitSentences } from "./sentences";

/** What kind of piece of an article a unit is. */
export type UnitKind = "sentence" | "item" | "list" | "row";

/**
 * A whole piece of an article that can be an answer on its own: a sentence, a list item, a list with
 * its lead-in and items, or a table row with its header. Headings, table headers and list lead-ins
 * are never answers by themselves; they frame the units under them.
 */
export interface AnswerUnit {
  kind: UnitKind;
  /** What the customer reads. */
  text: string;
  /** Framing the text relies on but does not repeat: the section heading, the list's lead-in, the table header. */
  context: string;
  /** A list item's label: its bold lead or its first words ("Standard shipping"); what the item is about. */
  label?: string;
  /** Block (paragraph, list or table) the unit belongs to, so combined sentences come from one place. */
  block: number;
  /** Order in the article. */
  index: number;
}

/** Splits an article body (Markdown) into answer units, in article order. */
export function answerUnits(markdown: string, language = "en"): AnswerUnit[] {
  const units: AnswerUnit[] = [];
  const blocks = marked.lexer(markdown).filter((t) => t.type !== "space" && t.type !== "hr");
  let heading = "";
  let block = 0;
  const push = (kind: UnitKind, text: string, context: string, label?: string): void => {
    if (text.length === 0) return;
    const unit: AnswerUnit = { kind, text, context: context.trim(), block, index: units.length };
    if (label !== undefined) unit.label = label;
    units.push(unit);
  };
  for (let i = 0; i < blocks.length; i++) {
    const token = blocks[i];
    if (token === undefined) continue;
    block += 1;
    if (token.type === "heading") {
      heading = plain(textOf(token));
      continue;
    }
    if (isList(token)) {
      addList(token, "", heading, push);
      continue;
    }
    if (isTable(token)) {
      addTable(token, heading, push);
      continue;
    }
    const sentences = splitSentences(plain(textOf(token)), language);
    const next = blocks[i + 1];
    // A paragraph ending in "...these options:" introduces the list after it: it frames, never answers.
    const list = next !== undefined && isList(next) && sentences.at(-1)?.endsWith(":") ? next : null;
    const leadIn = list !== null ? (sentences.pop() ?? "") : "";
    for (const sentence of sentences) push("sentence", sentence, heading);
    if (list !== null) {
      block += 1;
      addList(list, leadIn, heading, push);
      i += 1;
    }
  }
  return units;
}

/** Words of an item's opening that name what it is about, when it has no bold label. */
const LABEL_WORDS = 4;

function addList(
  list: Tokens.List,
  leadIn: string,
  heading: string,
  push: (kind: UnitKind, text: string, context: string, label?: string) => void,
): void {
  const items = list.items.map((item) => plain(item.text).replace(/\s*\n\s*/g, " ")).filter(Boolean);
  for (const [i, item] of items.entries()) {
    const bold = /^\s*(?:\*\*|__)(.+?)(?:\*\*|__)/.exec(list.items[i]?.text ?? "")?.[1];
    push("item", item, `${heading} ${leadIn}`, bold ?? item.split(/\s+/).slice(0, LABEL_WORDS).join(" "));
  }
  const lines = items.map((item) => `- ${item}`).join("\n");
  push("list", leadIn ? `${leadIn}\n${lines}` : lines, heading);
}

function addTable(
  table: Tokens.Table,
  heading: string,
  push: (kind: UnitKind, text: string, context: string, label?: string) => void,
): void {
  const header = table.header.map((cell) => plain(cell.text));
  for (const row of table.rows) {
    const text = row
      .map((cell, i) => {
        const name = header[i] ?? "";
        const value = plain(cell.text);
        return name ? `${name}: ${value}` : value;
      })
      .join("; ");
    push("row", text, `${heading} ${header.join(" ")}`);
  }
}

function isList(token: Token): token is Tokens.List {
  return token.type === "list";
}

function isTable(token: Token): token is Tokens.Table {
  return token.type === "table";
}

function textOf(token: Token): string {
  return "text" in token && typeof token.text === "string" ? token.text : "";
}

/** Markdown inline syntax removed: links keep their text, emphasis and code marks go. */
function plain(markdown: string): string {
  return markdown
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/(\*\*|__|`)/g, "")
    .replace(/(^|\W)[*_](\S[^*_]*\S|\S)[*_](?=\W|$)/g, "$1$2")
    .replace(/<[^>]+>/g, "")
    .trim();
}
