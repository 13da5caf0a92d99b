/** Terms a correction's answer needs before a passage stating them all counts as saying it. */
const MIN_RESTATED_TERMS = 3;

/**
 * Whether two answers (a correction's and a passage, by their index terms) say one thing: every term of
 * the shorter is in the other, and it has at least three ("There is no fee to cancel an order" and
 * "There is no cancellation fee ... for cancelling an order"). A person who answered that way agrees
 * with the passage; they are not rival answers.
 */
export function restates(a: readonly string[], b: readonly string[]): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  const stated = new Set(long);
  return short.length >= MIN_RESTATED_TERMS && short.every((t) => stated.has(t));
}
