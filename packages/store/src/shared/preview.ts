/** How many characters of the latest message the inbox shows. */
export const PREVIEW_LENGTH = 140;

/** The inbox preview of a message: its first characters, counted in code points so emoji stay whole. */
export function messagePreview(text: string): string {
  return Array.from(text).slice(0, PREVIEW_LENGTH).join("");
}
