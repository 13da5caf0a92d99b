/** Emails are stored lower-cased and trimmed so sign-in ignores case and stray whitespace. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}
