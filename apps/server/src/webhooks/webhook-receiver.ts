import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";

/** One request a test receiver got. */
export interface Received {
  headers: IncomingMessage["headers"];
  body: string;
}

/**
 * An HTTP receiver on 127.0.0.1 for webhook tests: it records every POST and answers with what
 * `respond` decides (200 by default); `respond` may also hold a request open.
 */
export async function startReceiver(
  opts: { port?: number; respond?: (req: Received, res: ServerResponse) => void } = {},
): Promise<{ url: string; port: number; received: Received[]; close(): Promise<void>; server: Server }> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const got = { headers: req.headers, body: Buffer.concat(chunks).toString("utf8") };
      received.push(got);
      if (opts.respond) opts.respond(got, res);
      else res.writeHead(200).end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    port,
    received,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
