import { describe, expect, it } from "vitest";
import { loadConfig } from "./config";
import { isAllowedOrigin, normaliseOrigin } from "./origins";

describe("origins", () => {
  it("ALLOWED_ORIGINS are normalised to what a browser sends: lower case, no trailing slash, no default port", () => {
    const config = loadConfig({
      ALLOWED_ORIGINS: "https://Shop.Example/, http://localhost:8080 ,https://a.example:443",
    });
    expect(config.ALLOWED_ORIGINS).toEqual([
      "https://shop.example",
      "http://localhost:8080",
      "https://a.example",
    ]);
  });

  it("an ALLOWED_ORIGINS entry that is not an origin stops start-up, naming it", () => {
    for (const bad of [
      "shop.example",
      "https://shop.example/chat",
      "ftp://shop.example",
      "https://shop.example?x=1",
    ]) {
      expect(() => loadConfig({ ALLOWED_ORIGINS: bad })).toThrow(/ALLOWED_ORIGINS.*is not an origin/s);
    }
  });

  it("a request's origin matches an allowed one however it is written, and nothing else does", () => {
    const allowed = ["https://shop.example"];
    expect(isAllowedOrigin(allowed, "https://shop.example")).toBe(true);
    expect(isAllowedOrigin(allowed, "https://SHOP.example:443/")).toBe(true);
    expect(isAllowedOrigin(allowed, "http://shop.example")).toBe(false);
    expect(isAllowedOrigin(allowed, "https://shop.example.evil.example")).toBe(false);
    expect(isAllowedOrigin(allowed, "null")).toBe(false);
    expect(normaliseOrigin("https://user@shop.example")).toBeNull();
  });
});
