/**
 * A light English stemmer: plural, -ing/-ed, -ly, -al and -able/-ible endings.
 * Why not Porter: customer questions are short and a conservative stemmer keeps distinct words
 * apart ("order" stays "order"); the cases it misses are covered by the synonym groups.
 */
export function stem(word: string): string {
  let w = word.toLowerCase();
  if (w.length <= 3 || /\d/.test(w)) return w;
  if (w.endsWith("'s")) w = w.slice(0, -2);
  if (w.endsWith("ies") && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (/(sses|xes|ches|shes|zzes)$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith("s") && !/(ss|us|sis|xis|nis|ous)$/.test(w)) w = w.slice(0, -1);
  for (const suffix of ["ingly", "ing", "edly", "ed"]) {
    if (w.endsWith(suffix)) {
      const base = w.slice(0, -suffix.length);
      if (base.length >= 3 && /[aeiouy]/.test(base)) {
        // British doubling ("cancelled", "travelling") meets the American single l.
        w = base.length > 5 && base.endsWith("ell") ? base.slice(0, -1) : undouble(base);
        if (w.endsWith("i")) w = `${w.slice(0, -1)}y`;
      }
      break;
    }
  }
  for (const suffix of ["ably", "ibly", "able", "ible", "ally", "ly", "al"]) {
    // "-al" only after n, t or c (seasonal, rental, medical) so names such as "PayPal" stay whole.
    if (w.endsWith(suffix) && w.length - suffix.length >= 4 && (suffix !== "al" || /[ntc]al$/.test(w))) {
      w = undouble(w.slice(0, -suffix.length));
      break;
    }
  }
  // A trailing silent e is dropped so "charge", "charged" and "charging" meet at "charg".
  if (w.length > 3 && w.endsWith("e") && !w.endsWith("ee")) w = w.slice(0, -1);
  return w;
}

/** Porter's rule: "shipp" -> "ship", but "bill", "access" and "buzz" keep their double letter. */
function undouble(w: string): string {
  const last = w.at(-1);
  if (
    w.length >= 3 &&
    last === w.at(-2) &&
    last !== undefined &&
    !"lsz".includes(last) &&
    !/[aeiou]/.test(last)
  ) {
    return w.slice(0, -1);
  }
  return w;
}
