import { afterEach, beforeEach } from "vitest";
import type { BaseCheckpointSaver } from "@langchain/langgraph-checkpoint";
import type { Store } from "@handoff/core";

/** What an adapter hands the suite: a fresh, empty store, and how to dispose of it after close(). */
export interface OpenedStore {
  store: Store;
  checkpointer: BaseCheckpointSaver;
  /** Runs after store.close(), e.g. to delete a temp file or drop a test database. */
  cleanup?: () => Promise<void>;
}

/** Opens a fresh, empty store for one test. */
export type OpenStore = () => Promise<OpenedStore>;

/** The store under test; valid inside a test body. */
export interface StoreContext {
  readonly store: Store;
  readonly checkpointer: BaseCheckpointSaver;
}

/** Registers hooks that give every test its own freshly opened store and close it afterwards. */
export function useFreshStore(open: OpenStore): StoreContext {
  let opened: OpenedStore | undefined;

  beforeEach(async () => {
    opened = await open();
  });

  afterEach(async () => {
    const current = opened;
    opened = undefined;
    if (current === undefined) return;
    await current.store.close();
    await current.cleanup?.();
  });

  const current = (): OpenedStore => {
    if (opened === undefined) throw new Error("the store is only available inside a test");
    return opened;
  };
  return {
    get store() {
      return current().store;
    },
    get checkpointer() {
      return current().checkpointer;
    },
  };
}
