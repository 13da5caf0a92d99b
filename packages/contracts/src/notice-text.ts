import type { Notice, NoticeKind } from "./notice";

type NoticeOf = { [K in NoticeKind]: Extract<Notice, { kind: K }> };
type Of<K extends NoticeKind> = NoticeOf[K];

/** When a team is back, already formatted in the reader's language ("Monday at 09:00 (UTC)"). */
type Phrases = { [K in NoticeKind]: (notice: Of<K>, when: string | null) => string };

const en: Phrases = {
  "handoff.connecting": () =>
    "I'm connecting you with a person from our team. They will see everything you've written so far.",
  "agent.joined": (n) => `${n.agentName} from our team has joined the conversation.`,
  "bot.back": (n) => `You are chatting with ${n.botName} again.`,
  "conversation.resolved": () =>
    "This conversation has been marked as resolved. Write again any time if you need more help.",
  "agent.stepped_away": (n) =>
    `${n.agentName ?? "Your agent"} had to step away. Someone else from our team will be with you shortly.`,
  "approval.timed_out": () =>
    "Thanks for your patience. This needs a closer look, so I'm passing your conversation to our team now.",
  "team.busy": () =>
    "Our team is busier than usual. Leave your email and we'll reply as soon as someone is free, or keep this window open.",
  "team.away": (_, when) =>
    `Our team is away right now${when ? ` and back on ${when}` : ""}. Leave your email and we'll write back, or keep this window open.`,
  "contact.left": (n) =>
    `The customer asked to be answered by email at ${n.email}${n.note ? `: "${n.note}"` : "."}`,
  "recovery.failed": (n) =>
    `The assistant could not carry on with this conversation (${n.reason}). Please take it from here.`,
};

// Agents read the internal notices in the console, which speaks English.
const fr: Partial<Phrases> = {
  "handoff.connecting": () =>
    "Je vous mets en relation avec une personne de notre équipe. Elle verra tout ce que vous avez écrit jusqu’ici.",
  "agent.joined": (n) => `${n.agentName}, de notre équipe, a rejoint la conversation.`,
  "bot.back": (n) => `Vous discutez à nouveau avec ${n.botName}.`,
  "conversation.resolved": () =>
    "Cette conversation est marquée comme résolue. Écrivez-nous à tout moment si vous avez besoin d’aide.",
  "agent.stepped_away": (n) =>
    `${n.agentName ?? "Votre conseiller"} a dû s’absenter. Une autre personne de l’équipe va vous répondre.`,
  "approval.timed_out": () =>
    "Merci de votre patience. Votre demande mérite un examen attentif : je transmets la conversation à notre équipe.",
  "team.busy": () =>
    "Notre équipe est plus occupée que d’habitude. Laissez votre e-mail et nous vous répondrons dès que possible, ou gardez cette fenêtre ouverte.",
  "team.away": (_, when) =>
    `Notre équipe est absente pour le moment${when ? ` et revient ${when}` : ""}. Laissez votre e-mail et nous vous répondrons, ou gardez cette fenêtre ouverte.`,
};

const de: Partial<Phrases> = {
  "handoff.connecting": () =>
    "Ich verbinde Sie mit einer Person aus unserem Team. Sie sieht alles, was Sie bisher geschrieben haben.",
  "agent.joined": (n) => `${n.agentName} aus unserem Team ist dem Gespräch beigetreten.`,
  "bot.back": (n) => `Sie chatten wieder mit ${n.botName}.`,
  "conversation.resolved": () =>
    "Dieses Gespräch wurde als gelöst markiert. Schreiben Sie uns jederzeit, wenn Sie weitere Hilfe brauchen.",
  "agent.stepped_away": (n) =>
    `${n.agentName ?? "Ihr Ansprechpartner"} musste kurz weg. Gleich meldet sich jemand anderes aus unserem Team.`,
  "approval.timed_out": () =>
    "Danke für Ihre Geduld. Das sehen wir uns genauer an, deshalb übergebe ich Ihr Gespräch jetzt an unser Team.",
  "team.busy": () =>
    "Unser Team ist gerade stärker ausgelastet. Hinterlassen Sie Ihre E-Mail, dann antworten wir, sobald jemand frei ist, oder lassen Sie dieses Fenster offen.",
  "team.away": (_, when) =>
    `Unser Team ist gerade nicht da${when ? ` und ab ${when} wieder erreichbar` : ""}. Hinterlassen Sie Ihre E-Mail, dann antworten wir, oder lassen Sie dieses Fenster offen.`,
};

const phrasebooks: Record<string, Partial<Phrases>> = { en, fr, de };
// How each language joins the day and the time: "Monday at 09:00", "lundi à 09:00", "Montag um 09:00".
const at: Record<string, string> = { en: "at", fr: "à", de: "um" };
const locales: Record<string, string> = { en: "en-GB", fr: "fr-FR", de: "de-DE" };

/** A week ahead or more, the date is said too: "Monday 28 December at 09:00 (America/New_York)". */
function whenBack(opensAt: string, timeZone: string, language: string, now: string): string {
  const opens = new Date(opensAt);
  const soon = opens.getTime() - Date.parse(now) < 6 * 86_400_000;
  const locale = locales[language] ?? "en-GB";
  const day = new Intl.DateTimeFormat(locale, {
    timeZone,
    weekday: "long",
    ...(soon ? {} : { day: "numeric", month: "long" }),
  }).format(opens);
  const time = new Intl.DateTimeFormat(locale, {
    timeZone,
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(opens);
  return `${day.replace(",", "")} ${at[language] ?? "at"} ${time} (${timeZone})`;
}

/** A language tag's base language, lower case: "de-CH" -> "de". */
export function baseLanguage(language: string): string {
  return language.toLowerCase().split("-")[0] ?? "en";
}

/**
 * A notice in a language ("fr", "de-CH"; English when the language has no phrase for it), as
 * `now` (usually the message's createdAt) sees it: a team back in six days or more is given a date.
 */
export function noticeText(notice: Notice, language: string, now: string): string {
  const base = baseLanguage(language);
  const lang = base in phrasebooks ? base : "en";
  const when =
    notice.kind === "team.away" && notice.opensAt && notice.timeZone
      ? whenBack(notice.opensAt, notice.timeZone, lang, now)
      : null;
  return phrase({ ...en, ...phrasebooks[lang] }, notice.kind, notice, when);
}

// Kind and notice passed apart so the compiler pairs each kind's phrase with its own details.
function phrase<K extends NoticeKind>(book: Phrases, kind: K, notice: Of<K>, when: string | null): string {
  return book[kind](notice, when);
}

/** What a message says in a language: its notice rendered, or its own text (every message before notices). */
export function messageText(
  message: { text: string; notice?: Notice | undefined; createdAt: string },
  language: string,
): string {
  return message.notice ? noticeText(message.notice, language, message.createdAt) : message.text;
}
