import { z } from "zod";
import type { AuditRepo } from "@handoff/core";

const ContactLeft = z.object({ email: z.string().email() });

/**
 * Calls `onContact` after a customer leaves their email (the audited contact.left), so the email
 * channel can carry the team's answer; core stays unchanged. Returns the undo.
 */
export function onContactLeft(
  audit: AuditRepo,
  onContact: (conversationId: string, email: string) => void,
): () => void {
  const append = audit.append.bind(audit);
  const wrapped: AuditRepo["append"] = async (entry) => {
    const written = await append(entry);
    const details = entry.action === "contact.left" ? ContactLeft.safeParse(entry.details) : null;
    if (details?.success && entry.conversationId) onContact(entry.conversationId, details.data.email);
    return written;
  };
  audit.append = wrapped;
  return () => {
    if (audit.append === wrapped) audit.append = append;
  };
}
