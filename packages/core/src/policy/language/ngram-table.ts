/** One n-gram's score per language: language number (eld's) -> score, as eld's databases spell it. */
export type NgramScores = Record<number, number>;

/**
 * eld's n-gram database in a few flat arrays instead of one object per n-gram: the keys sorted and
 * joined into one string, each key's languages and scores as bytes. eld's small database is 81,000
 * n-grams with 141,000 scores; as objects it held ~45 MB of heap in every thread that reads
 * messages, as this table about 1.3 MB. A lookup is a binary search over the keys.
 */
export class NgramTable {
  private constructor(
    private readonly keys: string,
    /** Where key i starts in `keys`; one entry more than there are keys. */
    private readonly keyStarts: Uint32Array,
    /** Where key i's scores start in `languages` and `scores`; one entry more than there are keys. */
    private readonly scoreStarts: Uint32Array,
    private readonly languages: Uint8Array,
    private readonly scores: Uint8Array,
  ) {}

  /**
   * Builds the table from eld's `ngrams` object (n-gram -> {language number: score}), checking each
   * value fits a byte: eld's scores are integers 6-207 and it has 60 languages.
   */
  static from(ngrams: object): NgramTable {
    const keys = Object.keys(ngrams).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const keyStarts = new Uint32Array(keys.length + 1);
    const scoreStarts = new Uint32Array(keys.length + 1);
    const languages: number[] = [];
    const scores: number[] = [];
    let length = 0;
    keys.forEach((key, i) => {
      keyStarts[i] = length;
      length += key.length;
      scoreStarts[i] = scores.length;
      const perLanguage: unknown = Reflect.get(ngrams, key);
      if (typeof perLanguage !== "object" || perLanguage === null)
        throw new Error(`n-gram ${key} has no scores`);
      for (const [language, score] of Object.entries(perLanguage)) {
        const number = Number(language);
        if (!isByte(number) || typeof score !== "number" || !isByte(score)) {
          throw new Error(
            `n-gram ${key}: score ${String(score)} for language ${language} does not fit a byte`,
          );
        }
        languages.push(number);
        scores.push(score);
      }
    });
    keyStarts[keys.length] = length;
    scoreStarts[keys.length] = scores.length;
    return new NgramTable(
      keys.join(""),
      keyStarts,
      scoreStarts,
      Uint8Array.from(languages),
      Uint8Array.from(scores),
    );
  }

  /** How many n-grams the table holds. */
  get size(): number {
    return this.keyStarts.length - 1;
  }

  /** An n-gram's scores, as a fresh object shaped like eld's; undefined for an n-gram it does not know. */
  scoresOf(ngram: string): NgramScores | undefined {
    const at = this.find(ngram);
    if (at < 0) return undefined;
    const found: NgramScores = {};
    for (let k = this.scoreStarts[at] ?? 0; k < (this.scoreStarts[at + 1] ?? 0); k++) {
      found[this.languages[k] ?? 0] = this.scores[k] ?? 0;
    }
    return found;
  }

  /**
   * An object eld reads as its `ngrams` (it only ever looks one n-gram up and walks its languages),
   * answered from the table.
   */
  asEldNgrams(): Record<string, NgramScores | undefined> {
    return new Proxy<Record<string, NgramScores | undefined>>(
      {},
      { get: (_target, key) => (typeof key === "string" ? this.scoresOf(key) : undefined) },
    );
  }

  private find(ngram: string): number {
    let low = 0;
    let high = this.size - 1;
    while (low <= high) {
      const mid = (low + high) >>> 1;
      const order = this.compareKey(mid, ngram);
      if (order < 0) low = mid + 1;
      else if (order > 0) high = mid - 1;
      else return mid;
    }
    return -1;
  }

  /** Key `i` against `ngram`, in the order `sort` put the keys in (UTF-16 code units), without a substring. */
  private compareKey(i: number, ngram: string): number {
    const start = this.keyStarts[i] ?? 0;
    const length = (this.keyStarts[i + 1] ?? 0) - start;
    const common = Math.min(length, ngram.length);
    for (let k = 0; k < common; k++) {
      const difference = this.keys.charCodeAt(start + k) - ngram.charCodeAt(k);
      if (difference !== 0) return difference;
    }
    return length - ngram.length;
  }
}

function isByte(value: number): boolean {
  return Number.isInteger(value) && value >= 0 && value <= 255;
}
