const QUOTE_HEADER =
  /^(On .+ wrote:|Le .+ a écrit :|Am .+ schrieb .+:|El .+ escribió:|-{2,}\s*Original Message\s*-{2,}|From: .+)$/i;

/**
 * The part of an email reply the customer wrote: the text before the quoted thread (lines starting with
 * ">", or the "On ... wrote:" line mail clients put above it) and before a "-- " signature.
 */
export function newEmailText(text: string): string {
  const kept: string[] = [];
  for (const line of text.replace(/\r\n/g, "\n").split("\n")) {
    const trimmed = line.trim();
    if (trimmed === "--" || line === "-- ") break;
    if (trimmed.startsWith(">") || QUOTE_HEADER.test(trimmed)) break;
    kept.push(line);
  }
  return kept.join("\n").trim();
}
