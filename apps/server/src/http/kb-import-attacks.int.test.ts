import { existsSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, startTestServer, SUPERVISOR, type TestServer } from "../testing";

let server: TestServer;
let supervisorToken = "";
beforeAll(async () => {
  server = await startTestServer();
  supervisorToken = (await api<{ token: string }>(server, "POST", "/api/auth/login", SUPERVISOR)).body.token;
});
afterAll(async () => {
  await server.dispose();
});

const importFiles = (files: Array<{ name: string; content: string }>) =>
  api<{ error?: { message: string }; imported?: string[] }>(
    server,
    "POST",
    "/api/kb/import",
    { files },
    supervisorToken,
  );

describe("knowledge import attacks", () => {
  it("JavaScript front matter is refused and never runs: no secret comes back, no file is written", async () => {
    process.env.IMPORT_ATTACK_SECRET = "s3cret-from-the-environment";
    const marker = path.join(process.cwd(), "pwned-by-front-matter.txt");
    const before = await server.platform.store.articles.count();
    for (const content of [
      "---javascript\n{ title: process.env.IMPORT_ATTACK_SECRET }\n---\nbody",
      `---js\n{ title: require('fs').writeFileSync(${JSON.stringify(marker)}, 'x') || 'T' }\n---\nbody`,
    ]) {
      const res = await importFiles([{ name: "x.md", content }]);
      expect(res.status).toBe(400);
      expect(res.body.error?.message).toMatch(/only YAML front matter is accepted/);
      expect(JSON.stringify(res.body)).not.toContain("s3cret-from-the-environment");
    }
    expect(existsSync(marker)).toBe(false);
    expect(await server.platform.store.articles.count()).toBe(before);
  });

  it("a YAML alias bomb is refused with a clear 400 and the server keeps answering", async () => {
    const level = (name: string, ref: string) => `${name}: &${name} [${Array(9).fill(`*${ref}`).join(",")}]`;
    const bomb = [
      "---",
      "title: Bomb",
      'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
      level("b", "a"),
      level("c", "b"),
      level("d", "c"),
      level("e", "d"),
      level("f", "e"),
      level("g", "f"),
      level("h", "g"),
      `tags: [${Array(9).fill("*h").join(",")}]`,
      "---",
      "body",
    ].join("\n");
    expect(bomb.length).toBeLessThan(450);
    const res = await importFiles([{ name: "bomb.md", content: bomb }]);
    expect(res.status).toBe(400);
    expect(res.body.error?.message).toMatch(/bomb\.md: the YAML front matter is refused/);
    expect((await api(server, "GET", "/healthz")).status).toBe(200);
  });

  it("a 2,000-file import leaves other requests served while it is parsed and indexed", async () => {
    const files = Array.from({ length: 2000 }, (_, i) => ({
      name: `bulk-${i}.md`,
      content: `---\ntitle: Bulk article ${i}\ntags: [bulk]\n---\nItem ${i} ships with a ${i % 7}-year warranty and a spare part kit.`,
    }));
    const order: string[] = [];
    const importing = importFiles(files).then((res) => {
      order.push("import");
      return res;
    });
    // Wait until the import request is being handled, then ask for something small.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const health = await api(server, "GET", "/healthz");
    order.push("health");
    const res = await importing;
    expect(health.status).toBe(200);
    expect(res.status).toBe(200);
    expect(res.body.imported).toHaveLength(2000);
    expect(order).toEqual(["health", "import"]);
  });
});
