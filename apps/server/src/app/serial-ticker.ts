/**
 * Runs `work` on demand and never twice at once: a call while it runs asks for one more run right
 * after, and every caller gets a promise of the run that covers its call.
 */
export function serialTicker(
  work: () => Promise<unknown>,
  onError: (err: unknown) => void,
): () => Promise<void> {
  let running: Promise<void> | null = null;
  let again = false;
  const tick = (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = work()
      .then(() => undefined, onError)
      .finally(() => {
        running = null;
        if (again) {
          again = false;
          void tick();
        }
      });
    return running;
  };
  return tick;
}
