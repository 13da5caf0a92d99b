/** A sentence ending in a dotted acronym ("the U.S.") before a capitalised word may not have ended. */
const ENDS_WITH_ACRONYM = /(?:^|[\s(])(?:\p{L}\.){2,}\s*$/u;
/** Words that open a new sentence after an acronym: "...in the U.S. We ship..." ends at "U.S.". */
const SENTENCE_OPENERS =
  /^(?:The|A|An|We|You|Your|Our|It|Its|If|In|On|For|To|This|That|These|Those|There|They|He|She|I|Please|Note|All|Each|Every|Orders?|When|Once|After|Before|Also|Then|But|And|Or|So)\b/;

const segmenters = new Map<string, Intl.Segmenter>();

/**
 * Splits plain text into sentences with the platform's Unicode sentence rules (ICU), which keep
 * "e.g. this", "$3.50" and "8 a.m. to 5 p.m." whole; a dotted acronym followed by a name is rejoined,
 * so "the U.S. Virgin Islands" stays in one sentence while "...in the U.S. We ship..." is two.
 */
export function splitSentences(text: string, language = "en"): string[] {
  let segmenter = segmenters.get(language);
  if (segmenter === undefined) {
    segmenter = new Intl.Segmenter(language, { granularity: "sentence" });
    segmenters.set(language, segmenter);
  }
  const out: string[] = [];
  for (const line of text.split(/\n+/)) {
    for (const { segment } of segmenter.segment(line)) {
      const sentence = segment.trim();
      if (sentence.length === 0) continue;
      const previous = out.at(-1);
      if (previous !== undefined && ENDS_WITH_ACRONYM.test(previous) && !SENTENCE_OPENERS.test(sentence)) {
        out[out.length - 1] = `${previous} ${sentence}`;
      } else {
        out.push(sentence);
      }
    }
  }
  return out;
}
