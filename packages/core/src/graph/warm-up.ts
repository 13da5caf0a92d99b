import { setImmediate as nextTurn } from "node:timers/promises";
import { assessRisk, preloadLanguageDetector } from "../policy";

/**
 * Loads what the assess step reads messages with (the language detector, the rules' lexicons and the
 * English tagger, tens of MB) in the background, so the first customer's message does not wait for it.
 * Called by the thread that runs the graph; a thread that only reads checkpoints (the sockets' thread
 * beside graph workers) never loads them. Resolves once they are loaded.
 */
export async function warmUpGraphSteps(): Promise<void> {
  const detector = preloadLanguageDetector();
  await nextTurn();
  assessRisk("warm up the lexicons", "en");
  await detector;
}
