import type { PlatformOverrides } from "../app/create-platform";
import type { TestServer } from "./test-server";
import type { useTestServers } from "./test-servers";

/** Opens one store again on every call (a StoreVariant's `reopenable()`). */
type Open = () => Promise<PlatformOverrides>;

/** Starts and restarts in-process servers on a store `open` reopens, with any other overrides. */
export function storeRestarts(servers: ReturnType<typeof useTestServers>) {
  return {
    start: async (open: Open, extra: PlatformOverrides = {}): Promise<TestServer> =>
      servers.start({ overrides: { ...(await open()), ...extra } }),
    /** The next process on the same data. */
    restart: async (server: TestServer, open: Open, extra: PlatformOverrides = {}): Promise<TestServer> =>
      servers.restart(server, { overrides: { ...(await open()), ...extra } }),
  };
}
