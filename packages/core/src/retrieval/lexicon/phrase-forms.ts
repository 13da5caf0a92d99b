/** Multiword names are looked up as phrases of up to this many words. */
export const MAX_PHRASE_WORDS = 3;

/**
 * The forms a phrase may be listed under: as written, and with its last word singular ("time zones"
 * is WordNet's "time_zone").
 */
export function phraseForms(phrase: string): string[] {
  const forms = [phrase];
  if (/ies$/.test(phrase)) forms.push(phrase.replace(/ies$/, "y"));
  if (/(ch|sh|x|s)es$/.test(phrase)) forms.push(phrase.replace(/es$/, ""));
  if (/[^s]s$/.test(phrase)) forms.push(phrase.replace(/s$/, ""));
  return forms;
}

/** A word and the base forms WordNet may list it under ("bikes" -> "bike", "shipped" -> "ship"). */
export function baseForms(word: string): string[] {
  const forms = phraseForms(word);
  if (/ed$/.test(word)) forms.push(word.slice(0, -2), word.slice(0, -1), word.replace(/(.)\1ed$/, "$1"));
  if (/ing$/.test(word))
    forms.push(word.slice(0, -3), `${word.slice(0, -3)}e`, word.replace(/(.)\1ing$/, "$1"));
  return [...new Set(forms)];
}
