/**
 * Maps a misspelt query term onto a known index term one edit away (two for long words), preferring
 * the most common candidate. Why: "shiping" or "pasword" should still find the article, and a plain
 * edit distance over a help center's vocabulary (a few thousand terms) is cheap.
 */
export function correctSpelling(term: string, vocabulary: ReadonlyMap<string, number>): string {
  if (term.length < 5 || vocabulary.has(term) || /\d/.test(term)) return term;
  const maxEdits = term.length >= 8 ? 2 : 1;
  let best = term;
  let bestCount = 0;
  let bestEdits = Infinity;
  for (const [candidate, count] of vocabulary) {
    if (Math.abs(candidate.length - term.length) > maxEdits || candidate[0] !== term[0]) continue;
    const edits = editDistance(term, candidate, maxEdits);
    if (edits <= maxEdits && (edits < bestEdits || (edits === bestEdits && count > bestCount))) {
      best = candidate;
      bestCount = count;
      bestEdits = edits;
    }
  }
  return best;
}

/** Optimal-string-alignment distance (adjacent swaps count once), giving up beyond `limit`. */
export function editDistance(a: string, b: string, limit: number): number {
  let prevPrev: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(
        (prev[j] ?? Infinity) + 1,
        (row[j - 1] ?? Infinity) + 1,
        (prev[j - 1] ?? Infinity) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, (prevPrev[j - 2] ?? Infinity) + 1);
      }
      row.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
    prevPrev = prev;
    prev = row;
  }
  return prev[b.length] ?? limit + 1;
}
