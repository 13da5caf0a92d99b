import { describe, expect, it } from "vitest";
import { parseAccessRoute } from "./access-route";

describe("links a signed-out visitor arrives with", () => {
  it("reads invitation, reset and single sign-on links, decoding their value", () => {
    expect(parseAccessRoute("#/invite/abc-123_x")).toEqual({ page: "invite", token: "abc-123_x" });
    expect(parseAccessRoute("#/reset/t0k3n")).toEqual({ page: "reset", token: "t0k3n" });
    expect(parseAccessRoute("#/sso/c0de")).toEqual({ page: "sso", code: "c0de" });
    expect(parseAccessRoute("#/sso-error/no%20account%20here")).toEqual({
      page: "sso-error",
      message: "no account here",
    });
  });

  it("leaves every other route to the console", () => {
    for (const hash of ["", "#/", "#/invite", "#/invite/", "#/feedback", "#/conversations/c1", "#/people"]) {
      expect(parseAccessRoute(hash)).toBeNull();
    }
  });
});
