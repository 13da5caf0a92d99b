/** The email channel's settings: replies come back to reply+<token>@replyDomain, signed with replySecret. */
export interface EmailChannelSettings {
  replyDomain: string;
  replySecret: string;
}

/** One email as the SMTP transport sends it; threading headers included. */
export interface OutboundEmail {
  to: string;
  subject: string;
  text: string;
  /** Stable per message, so a retried send is the same email to the customer's client. */
  messageId: string;
  inReplyTo?: string;
  references: string[];
  replyTo?: string;
}

/** Sends one email; throws when the SMTP server refuses it. */
export type EmailSender = (mail: OutboundEmail) => Promise<void>;
