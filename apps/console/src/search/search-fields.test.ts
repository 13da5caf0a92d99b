import { describe, expect, it } from "vitest";
import { fieldsFromQuery, queryOfFields, searchInput, type SearchFields } from "./search-fields";

const blank: SearchFields = { q: "", status: "", agent: "", from: "", to: "" };
const refused = (fields: Partial<SearchFields>) => {
  const checked = searchInput({ ...blank, ...fields });
  return checked.ok ? null : checked.error;
};

describe("the search form's fields", () => {
  it("round-trip through the URL, leaving empty fields out", () => {
    const fields = { ...blank, q: "#3f2a 9c", status: "human", from: "2026-05-03" };
    const query = queryOfFields(fields);
    expect(query).toBe("q=%233f2a+9c&status=human&from=2026-05-03");
    expect(fieldsFromQuery(query)).toEqual(fields);
    expect(fieldsFromQuery(null)).toEqual(blank);
  });

  it("ask the server for every filter given, days spanning the browser's whole day", () => {
    const checked = searchInput({
      q: " ada@example.com ",
      status: "resolved",
      agent: "user-7",
      from: "2026-05-03",
      to: "2026-05-04",
    });
    expect(checked).toEqual({
      ok: true,
      input: {
        q: "ada@example.com",
        status: "resolved",
        assigneeId: "user-7",
        from: new Date(2026, 4, 3, 0, 0, 0, 0).toISOString(),
        to: new Date(2026, 4, 4, 23, 59, 59, 999).toISOString(),
      },
    });
    expect(searchInput(blank)).toEqual({ ok: true, input: {} });
  });

  it("take # and hex characters as a short id, and words with a # as words", () => {
    expect(refused({ q: "#3F2A9C1D" })).toBeNull();
    expect(refused({ q: "#3f2a" })).toBeNull();
    expect(refused({ q: "order #1234 late" })).toBeNull();
  });

  it("explain what is wrong instead of searching: a bad short id, reversed dates, a bad date or status", () => {
    expect(refused({ q: "#zz12" })).toMatch(/"#zz12" is not a conversation id.*0-9.*a-f.*#3f2a9c1d/);
    expect(refused({ q: "#3f2" })).toMatch(/at least 4/);
    expect(refused({ from: "2026-05-04", to: "2026-05-03" })).toMatch(/start date is after the end date/);
    expect(refused({ from: "2026-13-40" })).toMatch(/start date "2026-13-40" is not a date/);
    expect(refused({ status: "sleeping" })).toMatch(/"sleeping" is not a status/);
    expect(refused({ q: "x".repeat(201) })).toMatch(/at most 200/);
  });
});
