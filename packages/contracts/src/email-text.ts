import { baseLanguage } from "./notice-text";

// The subject of our first email to a customer who never wrote one (they started in the widget).
const english = "Your conversation with our support team";
const subjects: Record<string, string> = {
  en: english,
  fr: "Votre conversation avec notre équipe d’assistance",
  de: "Ihr Gespräch mit unserem Support-Team",
};

/**
 * An email's subject in the customer's language (English when we have no words for it): the thread's
 * own subject when there is one, "Re: " once it is a reply.
 */
export function emailSubject(subject: string | null, isReply: boolean, language: string): string {
  const base = subject ?? subjects[baseLanguage(language)] ?? english;
  return (subject !== null || isReply) && !/^re:/i.test(base) ? `Re: ${base}` : base;
}
