import { describe, expect, it } from "vitest";
import { loadConfig } from "./config";

describe("configuration", () => {
  it("empty variables (as docker compose passes them) count as not set", () => {
    const config = loadConfig({ OPENAI_API_KEY: "", OPENAI_BASE_URL: "", MONGODB_URI: "" });
    expect(config.OPENAI_API_KEY).toBeUndefined();
    expect(config.OPENAI_BASE_URL).toBeUndefined();
    expect(config.MONGODB_URI).toBeUndefined();
  });

  it("an invalid value stops start-up with a message naming the variable", () => {
    expect(() => loadConfig({ PORT: "eighty" })).toThrow(/PORT/);
    expect(() => loadConfig({ OPENAI_BASE_URL: "not a url" })).toThrow(/OPENAI_BASE_URL/);
  });

  it("ALLOWED_ORIGINS is a comma-separated list", () => {
    expect(loadConfig({ ALLOWED_ORIGINS: "https://a.example, https://b.example" }).ALLOWED_ORIGINS).toEqual([
      "https://a.example",
      "https://b.example",
    ]);
  });

  it("refuses half of a pair: mail without PUBLIC_URL, an admin email without a password, SSO without a client", () => {
    expect(() => loadConfig({ SMTP_URL: "smtp://127.0.0.1:25" })).toThrow(/PUBLIC_URL/);
    expect(() => loadConfig({ ADMIN_EMAIL: "boss@example.com" })).toThrow(/ADMIN_PASSWORD/);
    expect(() =>
      loadConfig({ OIDC_ISSUER: "https://id.example.com", PUBLIC_URL: "https://desk.example.com" }),
    ).toThrow(/OIDC_CLIENT_ID/);
    const whole = loadConfig({
      SMTP_URL: "smtp://127.0.0.1:25",
      PUBLIC_URL: "https://desk.example.com",
      ADMIN_EMAIL: "boss@example.com",
      ADMIN_PASSWORD: "boss-password-1",
    });
    expect(whole.ADMIN_EMAIL).toBe("boss@example.com");
  });
});
