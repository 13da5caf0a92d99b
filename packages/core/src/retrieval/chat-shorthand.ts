/**
 * Chat shorthand of general English ("u" for "you", "ur" for "your", "pls" for "please"): how people
 * type in any chat box, whatever the help center. Only forms that are not themselves English words a
 * customer would mean otherwise are listed ("ur" is not read as the city of Ur, "bout" or "wont" are
 * left alone), so a message written in full is never changed.
 */
const SHORTHAND: Readonly<Record<string, string>> = {
  u: "you",
  ya: "you",
  ur: "your",
  yr: "your",
  r: "are",
  pls: "please",
  plz: "please",
  thx: "thanks",
  thnx: "thanks",
  b4: "before",
  cuz: "because",
  coz: "because",
  abt: "about",
  wat: "what",
  wut: "what",
  wen: "when",
  thru: "through",
  tho: "though",
  im: "I'm",
  ive: "I've",
  dont: "don't",
  doesnt: "doesn't",
  didnt: "didn't",
  cant: "can't",
  isnt: "isn't",
  wouldnt: "wouldn't",
  couldnt: "couldn't",
  idk: "I don't know",
  dunno: "don't know",
  lemme: "let me",
  gimme: "give me",
  wanna: "want to",
  gonna: "going to",
  gotta: "got to",
  ppl: "people",
  msg: "message",
  acct: "account",
  pwd: "password",
  tmrw: "tomorrow",
  btw: "by the way",
};

// A word on its own: not part of a hyphenated or dotted form ("U-turn", "U.S.") or a contraction.
const WORD = /(?<![\p{L}\p{N}'’.-])[\p{L}\p{N}]+(?![\p{L}\p{N}'’-]|\.\p{L})/gu;

/**
 * A message with general English chat shorthand written out ("can u check ur order" -> "can you check
 * your order"). A shorthand form written with a capital other than a lone "U" is left as written: it
 * may be a name ("Ur", "Yr").
 */
export function expandChatShorthand(text: string): string {
  return text.replace(WORD, (word) => {
    const lower = word.toLowerCase();
    const full = SHORTHAND[lower];
    if (full === undefined) return word;
    return word === lower || word === "U" ? full : word;
  });
}
