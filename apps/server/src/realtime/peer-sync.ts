import type { Server } from "socket.io";
import { z } from "zod";
import type { Platform } from "../app/create-platform";

const PEER_EVENT = "platform:changed";
const Change = z.enum(["settings", "knowledge"]);

/**
 * Settings and the knowledge index are cached in memory on each instance; when one instance changes
 * them, the others drop their copy. Without Redis there are no other instances to tell.
 */
export function syncPeers(io: Server, platform: Platform): void {
  if (!platform.multiInstance) return;
  const root = io.of("/");
  platform.settings.onChange(() => root.serverSideEmit(PEER_EVENT, "settings"));
  platform.knowledge.onChange(() => root.serverSideEmit(PEER_EVENT, "knowledge"));
  root.on(PEER_EVENT, (payload: unknown) => {
    const change = Change.safeParse(payload);
    if (!change.success) return;
    platform
      .refreshCaches(change.data)
      .catch((err: unknown) => platform.logger.error({ err }, `refreshing ${change.data} failed`));
  });
}
