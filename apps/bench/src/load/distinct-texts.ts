/**
 * Greetings and sign-offs that leave every mix question's route as written (each checked on the demo
 * help center and in the bench's conversations with history: others move some questions to approval or
 * a person, such as "Good morning.", "Cheers.", a name after "Thanks," or "Hi there," ("there" reads
 * as a place in a conversation that named one).
 */
const GREETINGS = ["", "Hi, ", "Hello, ", "Hey, ", "Hi all, ", "Hi! ", "Hello! ", "Hey! "];
const SIGN_OFFS = [
  "",
  " Thanks!",
  " Thanks!!",
  " Thanks.",
  " Thank you.",
  " Thank you!",
  " Many thanks.",
  " Many thanks!",
  " Thank you very much.",
];

/**
 * A question worded anew each time it is asked (up to 72 wordings per question): a customer's message
 * is text the graph has not read, while the mix repeats 16 questions, so per-text memos would hide what
 * reading a message costs. Share one across runs in a process, since some memos outlive a platform.
 */
export class DistinctTexts {
  private readonly asked = new Map<string, number>();

  next(question: string): string {
    const n = this.asked.get(question) ?? 0;
    this.asked.set(question, n + 1);
    const greeting = GREETINGS[n % GREETINGS.length] ?? "";
    const signOff = SIGN_OFFS[Math.floor(n / GREETINGS.length) % SIGN_OFFS.length] ?? "";
    // After "Hi, " the question goes on the sentence: "Hi, how do I ...".
    const body = greeting.endsWith(", ") ? question.charAt(0).toLowerCase() + question.slice(1) : question;
    return `${greeting}${body}${signOff}`;
  }
}

/** A command's arguments without `--distinct`, and the texts to word questions with if it was given. */
export function distinctOption(args: readonly string[]): { distinct?: DistinctTexts; rest: string[] } {
  const rest = args.filter((a) => a !== "--distinct");
  return rest.length < args.length ? { distinct: new DistinctTexts(), rest } : { rest };
}
