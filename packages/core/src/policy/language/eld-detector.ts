import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import vm from "node:vm";
import { NgramTable } from "./ngram-table";

/** eld's databases this code uses: the extra-small one confirms, the small one decides. */
export type EldDatabase = "extrasmall" | "small";

/** What eld's detector answers (the part of its result we read). */
export interface LanguageDetector {
  detect(text: string): { language: string; getScores(): Record<string, number>; isReliable(): boolean };
}

interface EldData {
  type: string;
  languages: Record<string, string>;
  ngrams: Record<string, unknown>;
}
type CreateEld = () => { instance: LanguageDetector; loadData(data: EldData): unknown };
const isCreateEld = (value: unknown): value is CreateEld => typeof value === "function";

/**
 * eld's detector (its own code: text to byte n-grams, scores, reliability) over one of its databases
 * held in an NgramTable. Importing eld's database module (`eld/small`) keeps its object literal, one
 * object per n-gram, and the module's compiled code alive for the life of the thread (an ES module is
 * never unloaded): ~30 MB for the extra-small database, ~50 MB for the small one. Here the module's
 * text is evaluated in a context of its own, copied into the table, and the context is left to the GC.
 */
export async function loadEldDetector(database: EldDatabase): Promise<LanguageDetector> {
  // eld exports its entry points only; its detector and data files sit beside them.
  const source = path.dirname(path.dirname(fileURLToPath(import.meta.resolve("eld"))));
  const module: unknown = await import(pathToFileURL(path.join(source, "languageDetector.js")).href);
  const createEld: unknown =
    typeof module === "object" && module !== null ? Reflect.get(module, "createEld") : null;
  if (!isCreateEld(createEld)) throw new Error("eld's languageDetector.js no longer exports createEld");
  const { instance, loadData } = createEld();
  loadData(readDatabase(path.join(source, "ngrams", `${database}.js`)));
  return instance;
}

/** Evaluates a database file (`export const ngramsData = {...}`) apart and keeps only the table. */
function readDatabase(file: string): EldData {
  const text = readFileSync(file, "utf8");
  // Not a regular expression: V8 keeps the last match's subject (the whole file) alive after it.
  const declaration = "export const ngramsData";
  const at = text.indexOf(declaration);
  if (at < 0) throw new Error(`${file} declares no ngramsData`);
  const script = `${text.slice(0, at)}ngramsData${text.slice(at + declaration.length)}`;
  const context: Record<string, unknown> = {};
  vm.runInNewContext(script, context);
  const data = context.ngramsData;
  if (typeof data !== "object" || data === null) throw new Error(`${file} holds no ngramsData`);
  const type: unknown = Reflect.get(data, "type");
  const languages: unknown = Reflect.get(data, "languages");
  const ngrams: unknown = Reflect.get(data, "ngrams");
  if (typeof type !== "string" || typeof languages !== "object" || languages === null) {
    throw new Error(`${file} has no database type or languages`);
  }
  if (typeof ngrams !== "object" || ngrams === null) throw new Error(`${file} has no n-grams`);
  // Copies only: a reference into the context would keep all of it.
  return {
    type: `${type}`,
    languages: Object.fromEntries(Object.entries(languages).map(([key, code]) => [key, String(code)])),
    ngrams: NgramTable.from(ngrams).asEldNgrams(),
  };
}
