import { describe, expect, it } from "vitest";
import { helpCenterHtml, parseArticle } from "./help-center-html";

describe("the demo page's help center", () => {
  it("turns an article's front matter and body into an anchored, escaped card", () => {
    const article = parseArticle(
      "shipping",
      "---\ntitle: How long?\ntags: [shipping, delivery]\n---\nTwo <b>days</b>.\n",
    );
    expect(article).toEqual({
      id: "shipping",
      title: "How long?",
      tags: ["shipping", "delivery"],
      body: "Two <b>days</b>.",
    });
    const html = helpCenterHtml([article]);
    expect(html).toContain('id="help-shipping"');
    expect(html).toContain("Two &#60;b&#62;days&#60;/b&#62;.");
  });
});
