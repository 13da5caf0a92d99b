/**
 * Runs one start per key at a time: two first messages of one thread arriving together must start one
 * conversation, not two, so the second waits for the first's result.
 */
export class SingleFlight<T> {
  private readonly running = new Map<string, Promise<T>>();

  run(key: string, start: () => Promise<T>): Promise<T> {
    const current = this.running.get(key);
    if (current) return current;
    const started = start().finally(() => this.running.delete(key));
    this.running.set(key, started);
    return started;
  }
}
