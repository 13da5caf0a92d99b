import { describe, expect, it } from "vitest";
import { messageText, noticeText } from "./notice-text";

const NOW = "2026-03-27T17:00:00.000Z";

describe("system notices in the reader's language", () => {
  it("says the handoff notice in French, German and English, and English for a language it lacks", () => {
    const notice = { kind: "handoff.connecting" } as const;
    expect(noticeText(notice, "fr", NOW)).toMatch(/^Je vous mets en relation avec une personne/);
    expect(noticeText(notice, "de-CH", NOW)).toMatch(/^Ich verbinde Sie mit einer Person/);
    expect(noticeText(notice, "en", NOW)).toMatch(/^I'm connecting you with a person/);
    expect(noticeText(notice, "pt", NOW)).toBe(noticeText(notice, "en", NOW));
  });

  it("fills in the notice's details", () => {
    expect(noticeText({ kind: "agent.joined", agentName: "Ben" }, "en", NOW)).toBe(
      "Ben from our team has joined the conversation.",
    );
    expect(noticeText({ kind: "agent.stepped_away", agentName: null }, "fr", NOW)).toMatch(
      /^Votre conseiller/,
    );
  });

  it("says the weekday and time the team is back, in the team's time zone", () => {
    const notice = { kind: "team.away", opensAt: "2026-03-30T07:00:00Z", timeZone: "Europe/Paris" } as const;
    expect(noticeText(notice, "en", NOW)).toBe(
      "Our team is away right now and back on Monday at 09:00 (Europe/Paris). Leave your email and we'll write back, or keep this window open.",
    );
    expect(noticeText(notice, "fr", NOW)).toContain("revient lundi à 09:00 (Europe/Paris)");
  });

  it("gives the date when the team is back more than a few days later", () => {
    const notice = {
      kind: "team.away",
      opensAt: "2026-12-28T14:00:00Z",
      timeZone: "America/New_York",
    } as const;
    expect(noticeText(notice, "en", "2026-12-18T17:00:00Z")).toContain(
      "back on Monday 28 December at 09:00 (America/New_York)",
    );
  });

  it("does not promise a time when the team has none", () => {
    expect(noticeText({ kind: "team.away", opensAt: null, timeZone: null }, "en", NOW)).toBe(
      "Our team is away right now. Leave your email and we'll write back, or keep this window open.",
    );
  });

  it("keeps the text of a message stored before notices had kinds", () => {
    expect(messageText({ text: "An old notice.", createdAt: NOW }, "fr")).toBe("An old notice.");
  });
});
