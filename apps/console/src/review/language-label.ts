const names = new Intl.DisplayNames(["en"], { type: "language" });

/** "fr" -> "French (fr)"; null (too short to tell) -> "Not detected". */
export function languageLabel(code: string | null): string {
  if (!code) return "Not detected";
  try {
    return `${names.of(code) ?? code} (${code})`;
  } catch {
    // Intl refuses codes that are not well-formed; show what the packet says.
    return code;
  }
}
