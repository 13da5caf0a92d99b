import { describe, expect, it } from "vitest";
import { fileNameOf } from "./download";
import { withQuery } from "./rest-client";

describe("REST helpers", () => {
  it("adds only the query parameters that have a value, encoded", () => {
    expect(
      withQuery("/api/audit", { action: "settings.changed", conversationId: undefined, limit: 50 }),
    ).toBe("/api/audit?action=settings.changed&limit=50");
    expect(withQuery("/api/corrections", { q: "café & tea", status: "" })).toBe(
      "/api/corrections?q=caf%C3%A9+%26+tea",
    );
    expect(withQuery("/api/settings")).toBe("/api/settings");
  });

  it("takes a download's file name from Content-Disposition", () => {
    expect(fileNameOf('attachment; filename="audit.csv"')).toBe("audit.csv");
    expect(fileNameOf("attachment; filename=audit.jsonl")).toBe("audit.jsonl");
    expect(fileNameOf("attachment; filename*=UTF-8''audit%20log.csv")).toBe("audit log.csv");
    expect(fileNameOf("attachment")).toBeNull();
    expect(fileNameOf(null)).toBeNull();
  });
});
