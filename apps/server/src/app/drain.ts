import type { Server } from "node:http";

/** Resolves true once `work` settles (either way), false if `ms` pass first. */
export async function settlesWithin(work: Promise<unknown>, ms: number): Promise<boolean> {
  const settled = work.then(
    () => true,
    () => true,
  );
  if (!Number.isFinite(ms)) return settled;
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), Math.max(0, ms));
  });
  try {
    return await Promise.race([settled, late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Stops the server taking connections; resolves once every connection has ended. Requests in flight
 * run to their end, and a keep-alive connection closes as soon as it falls idle: Node closes idle
 * connections once, when `close` is called, and one that was busy then would otherwise stay open for
 * its whole keep-alive timeout.
 */
export function stopListening(http: Server): Promise<void> {
  return new Promise<void>((resolve) => {
    const sweep = setInterval(() => http.closeIdleConnections(), 50);
    http.close(() => {
      clearInterval(sweep);
      resolve();
    });
  });
}
