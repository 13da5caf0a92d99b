import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ApiError } from "@handoff/contracts";
import { AGENT, api, storeVariants, SUPERVISOR, type TestServer } from "../testing";
import { useTestServers } from "../testing/test-servers";

// Small holes found probing the REST API: bodies that fail to decode, settings keys a database
// reads as operators or paths, script URLs in settings, and a sign-in limiter that counted the
// people who got their password right.

const servers = useTestServers();

const ErrorBody = z.object({ error: ApiError });

/** A raw POST with the given encoding and bytes. */
async function postEncoded(server: TestServer, route: string, encoding: string, body: Uint8Array) {
  const res = await fetch(`${server.url}${route}`, {
    method: "POST",
    headers: { "content-type": "application/json", "content-encoding": encoding },
    body,
  });
  return { status: res.status, body: ErrorBody.safeParse(await res.json()) };
}

describe("request bodies that do not decode", () => {
  it(
    "a gzip or deflate body that fails to decode answers 400 bad_request, and nothing happens",
    { timeout: 30_000 },
    async () => {
      const server = await servers.start();
      const before = await server.platform.store.conversations.list({ limit: 100 });
      const valid = gzipSync(Buffer.from("{}"));
      const broken: Array<[string, Uint8Array]> = [
        ["gzip", Buffer.from("this is not gzip at all")],
        ["gzip", valid.subarray(0, valid.length - 6)],
        [
          "gzip",
          Buffer.concat([valid.subarray(0, 12), Buffer.from("garbage in the middle"), valid.subarray(12)]),
        ],
        ["deflate", Buffer.from("not deflate either")],
      ];
      for (const [encoding, bytes] of broken) {
        const res = await postEncoded(server, "/api/visitor", encoding, bytes);
        expect({ encoding, status: res.status, code: res.body.data?.error.code }).toEqual({
          encoding,
          status: 400,
          code: "bad_request",
        });
      }
      expect(await server.platform.store.conversations.list({ limit: 100 })).toEqual(before);
      // A body that does decode is still read.
      expect((await postEncoded(server, "/api/visitor", "gzip", valid)).status).toBe(201);
    },
  );
});

describe.each(storeVariants("handoff_hard"))("settings a supervisor saves, on $name", ({ overrides }) => {
  const start = async () => {
    const server = await servers.start({ overrides: await overrides() });
    const token = (await api<{ token: string }>(server, "POST", "/api/auth/login", SUPERVISOR)).body.token;
    return { server, token };
  };

  const UNSAFE_CATEGORIES = ["$where", "a.b", "$gt", "shipping.fees", "nul\u0000byte"];

  it(
    "a category name a database would read as an operator or a path is refused with 400, and later saves work",
    { timeout: 30_000 },
    async () => {
      const { server, token } = await start();
      const before = await server.platform.settings.get();
      for (const category of UNSAFE_CATEGORIES) {
        const put = await api<unknown>(
          server,
          "PUT",
          "/api/settings",
          { categoryThresholds: { [category]: { auto: 0.9, review: 0.5 } } },
          token,
        );
        expect({
          category,
          status: put.status,
          code: ErrorBody.safeParse(put.body).data?.error.code,
        }).toEqual({
          category,
          status: 400,
          code: "bad_request",
        });
        const apply = await api<unknown>(
          server,
          "POST",
          "/api/metrics/recommendations/apply",
          { category, thresholds: { auto: 0.9, review: 0.5 } },
          token,
        );
        expect({ category, status: apply.status }).toEqual({ category, status: 400 });
      }
      expect(await server.platform.settings.get()).toEqual(before);

      const later = await api<{ settings: { categoryThresholds: unknown } }>(
        server,
        "PUT",
        "/api/settings",
        {
          categoryThresholds: { shipping: { auto: 0.8, review: 0.3 } },
          thresholds: { auto: 0.75, review: 0.4 },
        },
        token,
      );
      expect(later.status).toBe(200);
      expect(later.body.settings.categoryThresholds).toEqual({ shipping: { auto: 0.8, review: 0.3 } });
    },
  );

  it(
    "settings stored with an unsafe category by an older version keep the rest, and the next save works",
    { timeout: 30_000 },
    async () => {
      const { server, token } = await start();
      const stored = {
        ...(await server.platform.settings.get()),
        approvalDeadlineMinutes: 45,
        categoryThresholds: { "a.b": { auto: 0.9, review: 0.5 }, billing: { auto: 0.85, review: 0.45 } },
      };
      // Written the way the old schema let through: SQLite stores it; a database that refuses the key is fine too.
      const written = await server.platform.store.kv.set("settings", stored).then(
        () => true,
        () => false,
      );
      server.platform.settings.invalidate();
      const loaded = await server.platform.settings.get();
      if (written) {
        expect(loaded.approvalDeadlineMinutes).toBe(45);
        expect(loaded.categoryThresholds).toEqual({ billing: { auto: 0.85, review: 0.45 } });
      }
      const save = await api<{ settings: { handoffDeadlineMinutes: number } }>(
        server,
        "PUT",
        "/api/settings",
        { handoffDeadlineMinutes: 20 },
        token,
      );
      expect(save.status).toBe(200);
      expect(save.body.settings.handoffDeadlineMinutes).toBe(20);
    },
  );

  it(
    "the help-center link accepts only http(s) addresses and site paths; script and data URLs get 400",
    { timeout: 30_000 },
    async () => {
      const { server, token } = await start();
      const before = await server.platform.settings.get();
      const refused = [
        "javascript:alert(document.cookie)//{id}",
        " JavaScript:alert(1)//{id}",
        "java\tscript:alert(1)//{id}",
        "data:text/html,<script>alert(1)</script>{id}",
        "vbscript:msgbox({id})",
        "file:///etc/passwd?{id}",
        "ftp://files.example/{id}",
        "help/{id}",
      ];
      for (const helpCenterUrl of refused) {
        const res = await api(server, "PUT", "/api/settings", { helpCenterUrl }, token);
        expect({ helpCenterUrl, status: res.status }).toEqual({ helpCenterUrl, status: 400 });
      }
      expect(await server.platform.settings.get()).toEqual(before);
      for (const helpCenterUrl of [
        "https://help.example.com/articles/{id}",
        "http://intranet/kb?a={id}",
        "/#help-{id}",
      ]) {
        const res = await api(server, "PUT", "/api/settings", { helpCenterUrl }, token);
        expect({ helpCenterUrl, status: res.status }).toEqual({ helpCenterUrl, status: 200 });
      }
    },
  );
});

describe("the sign-in limiter", () => {
  it(
    "counts only failed sign-ins: people who get their password right are never locked out",
    { timeout: 60_000 },
    async () => {
      const server = await servers.start();
      for (let i = 0; i < 25; i++) {
        const ok = await api(server, "POST", "/api/auth/login", AGENT);
        expect({ attempt: i, status: ok.status }).toEqual({ attempt: i, status: 200 });
      }
      for (let i = 0; i < 20; i++) {
        const wrong = await api(server, "POST", "/api/auth/login", { ...AGENT, password: `wrong-${i}` });
        expect({ attempt: i, status: wrong.status }).toEqual({ attempt: i, status: 401 });
      }
      // Twenty failures, and the address has to wait, right password or not.
      const locked = await api<unknown>(server, "POST", "/api/auth/login", AGENT);
      expect(locked.status).toBe(429);
      expect(ErrorBody.parse(locked.body).error.code).toBe("rate_limited");
    },
  );
});
