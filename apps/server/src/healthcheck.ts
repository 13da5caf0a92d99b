/**
 * The image's health check (Dockerfile HEALTHCHECK): asks /healthz on the port and address this
 * container's server was configured with (PORT, HOST) and exits 0 when it answers 200 within 3 s.
 * A separate small entry, so a check every few seconds does not load the whole server.
 */
import { loadConfig } from "./app/config";

const { PORT, HOST } = loadConfig();
const anyAddress = HOST === "0.0.0.0" || HOST === "::" || HOST === "";
const host = anyAddress ? "127.0.0.1" : HOST.includes(":") ? `[${HOST}]` : HOST;
try {
  const res = await fetch(`http://${host}:${PORT}/healthz`, { signal: AbortSignal.timeout(3_000) });
  process.exit(res.ok ? 0 : 1);
} catch {
  process.exit(1);
}
