import { ConversationStatus } from "@handoff/contracts";
import { LifecycleEvent, messagePlan, nextStatus, type MessagePlan } from "./lifecycle";

// The README's lifecycle tables, rendered from the functions in lifecycle.ts; a test checks that the
// README shows exactly these, so the written lifecycle is the enforced one. The Records below must
// name every event and plan, so a new one does not compile until it is described.

const EVENTS: Record<LifecycleEvent, string> = {
  approval_opened: "a run pauses for a person to approve its draft",
  handoff_opened: "a run, a rejection without a reply, a timeout or a failed recovery hands over",
  taken_over: "a reviewer takes the conversation over",
  reply_sent: "a decision sends a reply (approve, edit, choose, reject with a reply)",
  claimed: "an agent claims the waiting handoff",
  returned: "the agent holding it leaves the team",
  reassigned: "a supervisor gives it to another agent",
  handed_back: "the agent hands back to the bot",
  resolved: "the agent resolves it",
  reopened: "the customer writes again",
};

const PLANS: Record<MessagePlan, string> = {
  run: "queued; the bot runs it now, in order (answer, approval or handoff)",
  reopen: "reopens the conversation (`bot`), then as in `bot`",
  hold: "held; after the decision, routed on its own if the bot has the chat back (not read as a follow-up of the pending request, and never given the reply just sent), else the person's",
  person: "the person's: they see it in the transcript; it is not routed",
};

const code = (s: string) => `\`${s}\``;

/** The lifecycle as Markdown tables: events with the statuses they move between, and customer messages per status. */
export function lifecycleTables(): string {
  const events = LifecycleEvent.options.map((event) => {
    const from = ConversationStatus.options.filter((s) => nextStatus(s, event) !== null);
    const to = from.map((s) => nextStatus(s, event)).find((s) => s !== null);
    return `| ${code(event)} | ${EVENTS[event]} | ${from.map(code).join(", ")} | ${to ? code(to) : ""} |`;
  });
  const messages = ConversationStatus.options.map(
    (status) => `| ${code(status)} | ${PLANS[messagePlan(status)]} |`,
  );
  return [
    "| event | when | from | to |",
    "|---|---|---|---|",
    ...events,
    "",
    "| status | a customer message that arrives (or is still waiting) is |",
    "|---|---|",
    ...messages,
  ].join("\n");
}
