/**
 * Remembers `compute`'s result per string key, up to `kept` keys, then starts again: retrieval asks
 * the same few texts and words many times in one search (one question against every correction), and
 * a plain restart keeps the cost of a full memo at one map clear. An undefined result is not kept.
 */
export function boundedMemo<V>(kept: number, compute: (key: string) => V): (key: string) => V {
  const known = new Map<string, V>();
  return (key) => {
    const hit = known.get(key);
    if (hit !== undefined) return hit;
    const value = compute(key);
    if (known.size >= kept) known.clear();
    known.set(key, value);
    return value;
  };
}
