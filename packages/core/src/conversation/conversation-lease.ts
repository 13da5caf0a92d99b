import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import { DomainError } from "../errors";
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

/** The lease the running task holds, under the fencing token it was taken with. */
interface Holding {
  key: string;
  token: string;
  /** Set once a renewal found the lease gone: the task is fenced off for good. */
  lost: boolean;
}

/**
 * Runs a task while holding the store lease for its key, renewing it as long as the task runs. Others
 * wait their turn; a lease whose holder died expires after `ttlMs`, so nobody waits forever. Each
 * holding is taken under a fresh fencing token (`owner#uuid`): a task that stalled past its lease
 * (a long GC pause, a frozen VM) while another instance took over fails its next `checkFence`, so it
 * writes nothing after the new holder started.
 */
export class ExclusiveRunner {
  private readonly holding = new AsyncLocalStorage<Holding>();

  constructor(private readonly options: LeaseOptions) {}

  async run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const { leases, ttlMs, retryMs = 25 } = this.options;
    const token = this.token();
    while (!(await leases.acquire(key, token, ttlMs))) {
      await new Promise((resolve) => setTimeout(resolve, retryMs));
    }
    return this.hold({ key, token, lost: false }, task);
  }

  /** Runs the task only if the lease is free now (periodic sweeps: another instance is doing it). */
  async runIfFree<T>(key: string, task: () => Promise<T>): Promise<T | null> {
    const token = this.token();
    if (!(await this.options.leases.acquire(key, token, this.options.ttlMs))) return null;
    return this.hold({ key, token, lost: false }, task);
  }

  /**
   * Refuses (with a `conflict` DomainError) when the lease the calling task runs under has passed to
   * another holder. Called before a write that must happen once, such as a message to the customer;
   * outside any lease it passes.
   */
  async checkFence(): Promise<void> {
    const held = this.holding.getStore();
    if (!held) return;
    if (held.lost || !(await this.options.leases.holds(held.key, held.token))) held.lost = true;
    if (held.lost)
      throw new DomainError(
        "conflict",
        `lease ${held.key} passed to another instance; this write is fenced off`,
      );
  }

  private token(): string {
    return `${this.options.owner}#${randomUUID()}`;
  }

  private async hold<T>(held: Holding, task: () => Promise<T>): Promise<T> {
    const { leases, ttlMs } = this.options;
    const renew = setInterval(() => {
      leases.renew(held.key, held.token, ttlMs).then(
        (kept) => (held.lost ||= !kept),
        () => undefined,
      );
    }, ttlMs / 3);
    try {
      return await this.holding.run(held, task);
    } finally {
      clearInterval(renew);
      await leases.release(held.key, held.token).catch(() => undefined);
    }
  }
}
