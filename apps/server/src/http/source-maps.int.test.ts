import { readdir } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../testing";
import { UI_DIST } from "./static-apps";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.dispose();
});

describe("the built UIs", () => {
  it("are served without their source maps, however the name is encoded", async () => {
    // vite builds the console with source maps (for debugging); this checks they stay on disk.
    const assets = await readdir(path.join(UI_DIST.console, "assets"));
    const map = assets.find((name) => name.endsWith(".js.map"));
    expect(map, "the console build has source maps to keep private").toBeDefined();
    const script = map?.replace(/\.map$/, "") ?? "";
    const get = async (route: string) => (await fetch(`${server.url}${route}`)).status;
    expect(await get(`/console/assets/${script}`)).toBe(200);
    expect(await get(`/console/assets/${map}`)).toBe(404);
    expect(await get(`/console/assets/${script}.ma%70`)).toBe(404);
    expect(await get(`/console/assets/${script}.MAP`)).toBe(404);
  });
});
