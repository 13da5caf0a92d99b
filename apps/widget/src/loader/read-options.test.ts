import { describe, expect, it } from "vitest";
import { frameUrl, readOptions } from "./read-options";

const page = { href: "https://shop.example/products/1", language: "fr-CA" };
const attrs = (values: Record<string, string>) => (name: string) => values[name] ?? null;

describe("the loader's data-* options", () => {
  it("defaults to the server embed.js came from, on the right, in the page's language", () => {
    const o = readOptions(attrs({}), "https://help.example/widget/embed.js", page);
    expect(o).toMatchObject({
      server: "https://help.example",
      position: "right",
      language: "fr-CA",
      open: false,
    });
  });

  it("reads every option and resolves a relative help-center pattern against the site", () => {
    const o = readOptions(
      attrs({
        "data-server": "https://desk.example/anything",
        "data-title": " Roastery ",
        "data-greeting": "Hello",
        "data-accent": "#8a3b12",
        "data-position": "left",
        "data-language": "de",
        "data-help-url": "/help/{id}",
        "data-open": "true",
      }),
      "https://cdn.example/embed.js",
      page,
    );
    expect(o).toEqual({
      server: "https://desk.example",
      title: "Roastery",
      greeting: "Hello",
      accent: "#8a3b12",
      position: "left",
      language: "de",
      helpUrl: "https://shop.example/help/{id}",
      open: true,
    });
  });

  it("passes the site's origin to the chat page so it can check who talks to it", () => {
    const o = readOptions(attrs({}), "https://help.example/widget/embed.js", page);
    const url = new URL(frameUrl(o, "https://shop.example"));
    expect(url.origin + url.pathname).toBe("https://help.example/widget/");
    expect(url.searchParams.get("origin")).toBe("https://shop.example");
  });
});
