/**
 * Runs tasks one at a time per key (a conversation), in arrival order, so two messages of one
 * conversation never race through the graph and the bot never answers over a pending decision.
 */
export class KeyedQueue {
  private readonly tails = new Map<string, Promise<unknown>>();

  /** `guard` wraps each task when it starts, e.g. to hold a lease shared with other instances. */
  constructor(private readonly guard?: <T>(key: string, task: () => Promise<T>) => Promise<T>) {}

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const guard = this.guard;
    const guarded = guard ? () => guard(key, task) : task;
    const next = previous.then(guarded, guarded);
    const tail = next.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return next;
  }

  /** Resolves when every queued task has finished (for graceful shutdown and tests). */
  async idle(): Promise<void> {
    while (this.tails.size > 0) await Promise.all([...this.tails.values()]);
  }
}
