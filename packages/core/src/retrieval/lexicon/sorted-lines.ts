/**
 * A text of lines sorted by their key (the part before a tab, or the whole line), searched by binary
 * search without parsing: a lookup table of 100,000 entries costs one string in memory and no start-up.
 */
export class SortedLines {
  constructor(private readonly text: string) {}

  /** Builds the text from entries; keys must not contain tabs or newlines. */
  static from(entries: Iterable<[string, string]>): string {
    return [...entries]
      .filter(([key]) => !/[\t\n]/.test(key))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, value]) => (value === "" ? key : `${key}\t${value}`))
      .join("\n");
  }

  /** The value stored for a key ("" for a key-only line), or null when the key is absent. */
  get(key: string): string | null {
    const { text } = this;
    let low = 0;
    let high = text.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      const start = text.lastIndexOf("\n", mid - 1) + 1;
      const newline = text.indexOf("\n", start);
      const end = newline < 0 ? text.length : newline;
      const line = text.slice(start, end);
      const tab = line.indexOf("\t");
      const candidate = tab < 0 ? line : line.slice(0, tab);
      if (candidate < key) low = end + 1;
      else if (candidate > key) high = start;
      else return tab < 0 ? "" : line.slice(tab + 1);
    }
    return null;
  }

  has(key: string): boolean {
    return this.get(key) !== null;
  }
}
