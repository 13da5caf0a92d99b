/**
 * The origin a browser would send for `value`: scheme://host[:port], lower case, without a default
 * port or a trailing slash; null when `value` is not an http(s) origin (a path, query or user name
 * makes it something else). Origins from the configuration and from requests both go through this,
 * so every check compares like with like.
 */
export function normaliseOrigin(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return null;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return null;
  if (url.username || url.password || url.search || url.hash || url.pathname !== "/") return null;
  return url.origin;
}

/** Whether a request's Origin (or the widget's `?origin=`) is one of the allowed, normalised origins. */
export function isAllowedOrigin(allowed: readonly string[], origin: string): boolean {
  const normalised = normaliseOrigin(origin);
  return normalised !== null && allowed.includes(normalised);
}
