import { describe, expect, it } from "vitest";
import { emailSubject } from "./email-text";

describe("email subjects", () => {
  it("give a thread the customer did not start our subject in their language, English when we lack it", () => {
    expect(emailSubject(null, false, "fr")).toBe("Votre conversation avec notre équipe d’assistance");
    expect(emailSubject(null, false, "de-AT")).toBe("Ihr Gespräch mit unserem Support-Team");
    expect(emailSubject(null, false, "es")).toBe("Your conversation with our support team");
  });

  it("answer the customer's own subject with Re: once, whatever the language", () => {
    expect(emailSubject("Aide", true, "fr")).toBe("Re: Aide");
    expect(emailSubject("RE: Lieferung", true, "de")).toBe("RE: Lieferung");
    expect(emailSubject(null, true, "fr")).toBe("Re: Votre conversation avec notre équipe d’assistance");
  });
});
