import { englishLexicon } from "./lexicon/english-lexicon-data";

let places: ReadonlySet<string> | null = null;

/** Every place WordNet names (an instance lying in another place: "japan", "costa_rica", "orlando"). */
function placeNames(): ReadonlySet<string> {
  places ??= new Set(englishLexicon().places.map(([place]) => place));
  return places;
}

/** Whether WordNet names a place by this lowercase name, words joined by "_" ("south_africa"). */
export function isPlaceName(name: string): boolean {
  return placeNames().has(name);
}

/**
 * Which words of a customer's message name one particular thing (a place, a brand, a plan), as
 * opposed to a kind of thing ("plug", "kind", "device"). In a message its writer capitalised (a capital
 * opening it, or inside a sentence; "I" does not count), a word written with a capital inside a
 * sentence names a thing ("does Spirit allow ...") and a word written in lowercase does not, even when
 * WordNet knows a place of that name ("mobile app", "a seasonal job"); in a message
 * written all in lowercase ("what plugs does japan use"), the places WordNet names are things. A
 * multiword name ("costa_rica") is a thing when WordNet names the place or it is written capitalised;
 * one opening with a function word ("the_city") is a phrase, not a name. WordNet's places are read
 * for English only (it knows them by English names); capitals count in every language but German,
 * which capitalises every noun.
 */
export function namedThingReader(
  text: string,
  isStopWord: (word: string) => boolean,
  language: string,
): (word: string) => boolean {
  const isPlace = (name: string): boolean => language === "en" && placeNames().has(name);
  // German capitalises every noun: its capitals name nothing in particular.
  const capitals = language !== "de";
  const written = wordsAsWritten(text);
  // Written in case: a capital other than "I", inside a sentence or opening the message.
  const cased = written.some((w, i) => (i === 0 || !w.opens) && w.text !== "I" && /^\p{Lu}/u.test(w.text));
  const capitalised = new Set<string>();
  const lowercase = new Set<string>();
  for (const w of written) {
    const lower = w.text.toLowerCase();
    if (/^\p{Lu}/u.test(w.text)) {
      if (!w.opens) capitalised.add(lower);
    } else lowercase.add(lower);
  }
  const names = (word: string): boolean => {
    if (capitals && capitalised.has(word)) return true;
    if (capitals && cased && lowercase.has(word)) return false;
    return isPlace(word);
  };
  return (word) => {
    const parts = word
      .toLowerCase()
      .split(/[_\s]+/)
      .filter(Boolean);
    if (parts.length === 0 || isStopWord(parts[0] ?? "")) return false;
    if (parts.length === 1) return names(parts[0] ?? "");
    return isPlace(parts.join("_")) || (capitals && parts.every((p) => capitalised.has(p) || isStopWord(p)));
  };
}

/** The words of a text as written, each marked when it opens a sentence (where every word is capitalised). */
function wordsAsWritten(text: string): Array<{ text: string; opens: boolean }> {
  const out: Array<{ text: string; opens: boolean }> = [];
  let opens = true;
  for (const match of text.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'’-]*|[.!?]+/gu)) {
    const token = match[0];
    if (/^[.!?]+$/.test(token)) {
      opens = true;
      continue;
    }
    out.push({ text: token, opens });
    opens = false;
  }
  return out;
}
