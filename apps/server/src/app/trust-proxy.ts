import proxyaddr from "proxy-addr";
import { z } from "zod";

/** Which proxies in front of the server are believed about the client's address: none, a hop count, or addresses. */
export type TrustProxy = false | number | string[];

/** Decides, for each address on the way (the nearest first, i = 0), whether it is a trusted proxy. */
export type TrustFunction = (address: string, hop: number) => boolean;

const OFF = new Set(["", "false", "off", "0"]);

/**
 * TRUST_PROXY: off by default, since a client talking to the server directly could otherwise pick its
 * own address with an X-Forwarded-For header and escape every per-address limit. `1` trusts the one
 * proxy in front (nginx in deploy/), `2` a CDN in front of that, and so on; or a comma-separated list
 * of the proxies' addresses and CIDR ranges (`loopback`, `linklocal` and `uniquelocal` name the
 * private ranges). `true` (trust every hop) is refused: it is the spoofable setting.
 */
export const TrustProxySetting = z
  .string()
  .optional()
  .transform((raw, ctx): TrustProxy => {
    const value = (raw ?? "").trim().toLowerCase();
    if (OFF.has(value)) return false;
    if (/^\d+$/.test(value)) return Number(value);
    if (value === "true") {
      ctx.addIssue({
        code: "custom",
        message:
          "trusting every proxy lets any client choose its address: give a hop count or the proxies' addresses",
      });
      return z.NEVER;
    }
    const addresses = value
      .split(",")
      .map((part) => part.trim())
      .filter(Boolean);
    try {
      proxyaddr.compile(addresses);
    } catch (err) {
      ctx.addIssue({
        code: "custom",
        message: `${err instanceof Error ? err.message : String(err)}; use a hop count or IP addresses and CIDR ranges`,
      });
      return z.NEVER;
    }
    return addresses;
  });

/** The trust function Express and the socket handshakes share. */
export function trustFunction(setting: TrustProxy): TrustFunction {
  if (setting === false) return () => false;
  if (typeof setting === "number") return (_address, hop) => hop < setting;
  return proxyaddr.compile(setting);
}
