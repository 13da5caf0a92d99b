import { describe, expect, it } from "vitest";
import type { Article } from "@handoff/contracts";
import { detectHelpCenterLanguage, HelpCenterLanguage } from "./help-center-language";

const article = (id: string, title: string, body: string): Article => ({
  id,
  title,
  tags: [],
  body,
  updatedAt: "2026-01-01T00:00:00.000Z",
});

const FRENCH = [
  article(
    "livraison",
    "Délais de livraison",
    "Nous livrons en France métropolitaine sous **3 à 5 jours ouvrés**. Les commandes passées avant midi partent le jour même.",
  ),
  article(
    "retours",
    "Retours et remboursements",
    "Vous pouvez retourner un article dans les 30 jours. Le remboursement est effectué sur le moyen de paiement d'origine.",
  ),
];
const ENGLISH = [
  article(
    "shipping",
    "Shipping times",
    "We ship within the continental US in **3 to 5 business days**. Orders placed before noon leave the same day.",
  ),
];

describe("detectHelpCenterLanguage", () => {
  it("tells the language the articles are written in", async () => {
    expect(await detectHelpCenterLanguage(FRENCH)).toBe("fr");
    expect(await detectHelpCenterLanguage(ENGLISH)).toBe("en");
  });

  it("has no language without articles", async () => {
    expect(await detectHelpCenterLanguage([])).toBeNull();
  });
});

describe("HelpCenterLanguage", () => {
  it("reads the stored articles again when their number changes or when told to", async () => {
    let articles: Article[] = FRENCH;
    let counted = 0;
    const store = {
      articles: {
        list: async () => articles,
        count: async () => {
          counted++;
          return articles.length;
        },
      },
    };
    let now = 0;
    const language = new HelpCenterLanguage(store, () => now);
    expect(await language.get()).toBe("fr");
    articles = [...ENGLISH, ...ENGLISH, ...ENGLISH];
    // A burst of messages within a second asks the store once.
    expect(await language.get()).toBe("fr");
    expect(counted).toBe(1);
    now += 1000;
    expect(await language.get()).toBe("en");
    articles = FRENCH;
    now += 1000;
    expect(await language.get()).toBe("fr");
    // Same number of articles, another language: only an invalidation (an import here) notices.
    articles = [...ENGLISH, ...ENGLISH];
    now += 1000;
    expect(await language.get()).toBe("fr");
    language.invalidate();
    expect(await language.get()).toBe("en");
  });
});
