/** The widget's words in each language it speaks; English fills any gap. */
const en = {
  /** The language these words are in, which system notices are rendered in too. */
  language: "en",
  title: "Chat with us",
  greeting:
    "Hi! Ask me anything about your order, delivery or our coffee. A person is always one click away.",
  close: "Close chat",
  placeholder: "Write a message…",
  send: "Send",
  askPerson: "Talk to a person",
  statusBot: "Our assistant is answering",
  statusApproval: "Checking with a teammate…",
  statusWaiting: "Connecting you to a person…",
  queuePosition: "You are number {n} in the queue",
  statusHuman: "{name} is answering",
  statusHumanUnnamed: "A teammate is answering",
  statusResolved: "This conversation is resolved",
  offline: "You are offline. Messages will be sent when the connection is back.",
  connecting: "Connecting…",
  queued: "Waiting to send",
  sending: "Sending…",
  you: "You",
  assistant: "Assistant",
  team: "Team",
  sources: "Sources",
  typing: "{name} is typing…",
  typingBot: "The assistant is writing…",
  helpful: "Was this answer helpful?",
  thumbsUp: "Yes, helpful",
  thumbsDown: "No, not helpful",
  thanksFeedback: "Thanks for the feedback.",
  notHelpful: "Sorry that did not help. A person from our team can take over.",
  feedbackFailed: "Your feedback could not be saved.",
  rateTitle: "How did we do?",
  rateStar: "{n} out of 5",
  rateComment: "Anything to add? (optional)",
  rateSubmit: "Send rating",
  rateThanks: "Thank you for rating this conversation.",
  emailTitle: "Nobody is free right now",
  emailText: "Leave your email and we will write back as soon as a teammate is available.",
  closedTitle: "We're away right now",
  closedText: "We're back {when}. Leave your email and we will write back then.",
  closedTextUnknown: "Leave your email and we will write back when we're back.",
  emailLabel: "Your email",
  emailSubmit: "Notify me",
  emailThanks: "Thanks! We will reply to {email}.",
  emailInvalid: "Please enter a valid email address.",
  saveFailed: "That did not go through. Please try again.",
  newMessage: "New message from {name}: {text}",
  tooLong: "Messages are limited to 4000 characters.",
};

export type Strings = typeof en;

const fr: Partial<Strings> = {
  language: "fr",
  title: "Discutons",
  greeting: "Bonjour ! Posez-moi vos questions sur votre commande, la livraison ou nos cafés.",
  close: "Fermer la discussion",
  placeholder: "Écrivez un message…",
  send: "Envoyer",
  askPerson: "Parler à une personne",
  statusBot: "Notre assistant vous répond",
  statusApproval: "Vérification auprès d’un collègue…",
  statusWaiting: "Mise en relation avec une personne…",
  queuePosition: "Vous êtes numéro {n} dans la file",
  statusHuman: "{name} vous répond",
  offline: "Vous êtes hors ligne. Vos messages partiront au retour de la connexion.",
  you: "Vous",
  sources: "Sources",
  typing: "{name} écrit…",
  notHelpful: "Désolé, cela ne vous a pas aidé. Une personne de l’équipe peut prendre le relais.",
  closedTitle: "Nous sommes absents pour le moment",
  closedText: "Nous revenons {when}. Laissez votre e-mail et nous vous répondrons à ce moment-là.",
  closedTextUnknown: "Laissez votre e-mail et nous vous répondrons à notre retour.",
};

const de: Partial<Strings> = {
  language: "de",
  title: "Chatten Sie mit uns",
  placeholder: "Nachricht schreiben…",
  send: "Senden",
  askPerson: "Mit einem Menschen sprechen",
  statusApproval: "Ich frage kurz im Team nach…",
  statusWaiting: "Wir verbinden Sie mit einer Person…",
  statusHuman: "{name} antwortet Ihnen",
  offline: "Sie sind offline. Nachrichten werden gesendet, sobald die Verbindung zurück ist.",
  you: "Sie",
  sources: "Quellen",
  notHelpful: "Das hat leider nicht geholfen. Eine Person aus dem Team kann übernehmen.",
  closedTitle: "Wir sind gerade nicht da",
  closedText: "Wir sind {when} wieder da. Hinterlassen Sie Ihre E-Mail, dann antworten wir Ihnen.",
  closedTextUnknown: "Hinterlassen Sie Ihre E-Mail, dann antworten wir Ihnen, sobald wir zurück sind.",
};

const languages: Record<string, Partial<Strings>> = { en, fr, de };

/** Strings for a language tag such as "fr-CA" (falls back to its base language, then English). */
export function stringsFor(language: string): Strings {
  const base = language.toLowerCase().split("-")[0] ?? "en";
  return { ...en, ...languages[base] };
}

/** Fills `{name}` style placeholders. */
export const fill = (template: string, values: Record<string, string | number>): string =>
  template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
