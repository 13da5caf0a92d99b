/** Shortest stretch of the instructions whose appearance in an answer counts as quoting them. */
const QUOTE_LENGTH = 40;

const normalise = (text: string) => text.toLowerCase().replace(/\s+/g, " ").trim();

/**
 * What an answer must not repeat: the drafting instructions and the secrets the client holds. A
 * model talked into reciting its prompt, or into echoing the key it was called with, returns an
 * answer that a customer must never see, however confident it sounds.
 */
export function findLeak(answer: string, instructions: string, secrets: readonly string[]): string | null {
  for (const secret of secrets) {
    if (secret.length >= 4 && answer.includes(secret)) return "a secret of the model's configuration";
  }
  const said = normalise(answer);
  for (const line of instructions.split("\n")) {
    // Rule numbers and list markers are not part of what would be quoted.
    const rule = normalise(line.replace(/^\s*(\d+\.|-)\s*/, ""));
    if (rule.length >= QUOTE_LENGTH && said.includes(rule.slice(0, QUOTE_LENGTH))) return "its instructions";
  }
  return null;
}
