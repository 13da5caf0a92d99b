import { describe, expect, it } from "vitest";
import { parseRoute, routeFor, routeHref } from "./routes";

describe("console routes", () => {
  it("reads supervisor screens and conversation links from the hash", () => {
    expect(parseRoute("#/feedback")).toEqual({ view: "feedback" });
    expect(parseRoute("#/audit")).toEqual({ view: "audit" });
    expect(parseRoute("#/conversations/c%2F1")).toEqual({ view: "conversation", conversationId: "c/1" });
  });

  it("treats an empty, unknown or incomplete hash as the inbox", () => {
    for (const hash of ["", "#", "#/", "#/nowhere", "#/conversations/", "#detail"]) {
      expect(parseRoute(hash)).toEqual({ view: "inbox" });
    }
  });

  it("keeps a search in the hash, and tells no search yet from an empty one", () => {
    expect(parseRoute("#/search")).toEqual({ view: "search", query: null });
    expect(parseRoute("#/search?")).toEqual({ view: "search", query: "" });
    expect(parseRoute("#/search?q=%233f2a&status=human")).toEqual({
      view: "search",
      query: "q=%233f2a&status=human",
    });
  });

  it("writes links that read back as the same route", () => {
    for (const route of [
      { view: "dashboard" },
      { view: "conversation", conversationId: "a b" },
      { view: "search", query: null },
      { view: "search", query: "q=ada%40example.com" },
    ] as const) {
      expect(parseRoute(routeHref(route))).toEqual(route);
    }
  });

  it("sends an agent who follows a supervisor's link to the inbox, but keeps conversation links", () => {
    expect(routeFor({ view: "settings" }, "agent")).toEqual({ view: "inbox" });
    expect(routeFor({ view: "settings" }, "supervisor")).toEqual({ view: "settings" });
    expect(routeFor({ view: "conversation", conversationId: "c1" }, "agent")).toEqual({
      view: "conversation",
      conversationId: "c1",
    });
  });

  it("lets anyone open their own account page, and only supervisors the people screen", () => {
    expect(parseRoute("#/account")).toEqual({ view: "account" });
    expect(routeFor({ view: "account" }, "agent")).toEqual({ view: "account" });
    expect(routeFor(parseRoute("#/people"), "agent")).toEqual({ view: "inbox" });
    expect(routeFor(parseRoute("#/people"), "supervisor")).toEqual({ view: "people" });
  });
});
