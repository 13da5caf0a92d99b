import { describe, expect, it } from "vitest";
import { loadConfig } from "./config";
import { trustFunction } from "./trust-proxy";

describe("TRUST_PROXY", () => {
  it("is off unless set: no forwarded address is believed", () => {
    for (const env of [{}, { TRUST_PROXY: "" }, { TRUST_PROXY: "false" }, { TRUST_PROXY: "0" }]) {
      const trust = trustFunction(loadConfig(env).TRUST_PROXY);
      expect(trust("127.0.0.1", 0)).toBe(false);
    }
  });

  it("a hop count believes that many proxies nearest the server, whatever their address", () => {
    const trust = trustFunction(loadConfig({ TRUST_PROXY: "2" }).TRUST_PROXY);
    expect([trust("10.0.0.5", 0), trust("203.0.113.9", 1), trust("198.51.100.7", 2)]).toEqual([
      true,
      true,
      false,
    ]);
  });

  it("a list believes only proxies at those addresses and ranges", () => {
    const trust = trustFunction(loadConfig({ TRUST_PROXY: "loopback, 10.0.0.0/8,192.0.2.7" }).TRUST_PROXY);
    expect(trust("127.0.0.1", 0)).toBe(true);
    expect(trust("10.20.30.40", 1)).toBe(true);
    expect(trust("192.0.2.7", 0)).toBe(true);
    expect(trust("192.0.2.8", 0)).toBe(false);
  });

  it("trusting every hop, or an address that is not one, stops start-up with a reason", () => {
    expect(() => loadConfig({ TRUST_PROXY: "true" })).toThrow(
      /TRUST_PROXY.*lets any client choose its address/s,
    );
    expect(() => loadConfig({ TRUST_PROXY: "10.0.0.0/33" })).toThrow(/TRUST_PROXY/);
    expect(() => loadConfig({ TRUST_PROXY: "nginx" })).toThrow(/TRUST_PROXY/);
  });
});
