import { describe, expect, it } from "vitest";
import { splitLinks } from "./text-links";

const links = (text: string) => splitLinks(text).filter((p) => p.kind === "link");

describe("finding web addresses in a message", () => {
  it("turns http, https and www addresses into links and keeps the rest as text", () => {
    expect(splitLinks("Track it at https://track.example.com/p?id=1 today.")).toEqual([
      { kind: "text", text: "Track it at " },
      { kind: "link", text: "https://track.example.com/p?id=1", href: "https://track.example.com/p?id=1" },
      { kind: "text", text: " today." },
    ]);
    expect(links("see www.example.com/help")).toEqual([
      { kind: "link", text: "www.example.com/help", href: "https://www.example.com/help" },
    ]);
  });

  it("never links javascript:, data: or other schemes", () => {
    for (const text of [
      "javascript:alert(1)",
      "click JAVASCRIPT:alert(document.cookie)",
      "data:text/html,<script>alert(1)</script>",
      "vbscript:msgbox",
      "file:///etc/passwd",
    ]) {
      expect(links(text)).toEqual([]);
    }
  });

  it("leaves sentence punctuation and brackets around an address out of the link", () => {
    expect(links("(see https://example.com/a).")[0]?.text).toBe("https://example.com/a");
    expect(links("Read https://en.example.org/wiki/Coffee_(drink), then")[0]?.text).toBe(
      "https://en.example.org/wiki/Coffee_(drink)",
    );
  });

  it("keeps every character of the message across the parts", () => {
    const text = "a https://x.example b www.y.example, c";
    expect(
      splitLinks(text)
        .map((p) => p.text)
        .join(""),
    ).toBe(text);
  });
});
