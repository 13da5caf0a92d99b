import type { LeaseRepo } from "../ports";

/** How one server instance takes turns with the others on work that must not run twice at once. */
export interface LeaseOptions {
  leases: LeaseRepo;
  /** This instance's id, unique among the instances sharing the store. */
  owner: string;
  /** How long a lease lasts without renewal: how long others wait for an instance that died. */
  ttlMs: number;
  /** How often a waiting instance tries again. */
  retryMs?: number;
}

/**
 * Runs a task while holding the store lease for its key, renewing it as long as the task runs. Others
 * wait their turn; a lease whose holder died expires after `ttlMs`, so nobody waits forever.
 */
export class ExclusiveRunner {
  constructor(private readonly options: LeaseOptions) {}

  async run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const { leases, owner, ttlMs, retryMs = 25 } = this.options;
    while (!(await leases.acquire(key, owner, ttlMs))) {
      await new Promise((resolve) => setTimeout(resolve, retryMs));
    }
    return this.holding(key, task);
  }

  /** Runs the task only if the lease is free now (periodic sweeps: another instance is doing it). */
  async runIfFree<T>(key: string, task: () => Promise<T>): Promise<T | null> {
    const { leases, owner, ttlMs } = this.options;
    if (!(await leases.acquire(key, owner, ttlMs))) return null;
    return this.holding(key, task);
  }

  private async holding<T>(key: string, task: () => Promise<T>): Promise<T> {
    const { leases, owner, ttlMs } = this.options;
    const renew = setInterval(() => {
      leases.acquire(key, owner, ttlMs).catch(() => undefined);
    }, ttlMs / 3);
    try {
      return await task();
    } finally {
      clearInterval(renew);
      await leases.release(key, owner).catch(() => undefined);
    }
  }
}
