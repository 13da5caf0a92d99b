/**
 * The transport baseline's server, run as its own process like the real server: a bare Socket.IO
 * server whose only handler acks back what it was sent. Prints its port as one JSON line.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Server } from "socket.io";

interface EchoEvents {
  echo: (payload: unknown, ack: (payload: unknown) => void) => void;
}

const http = createServer();
const io = new Server<EchoEvents>(http, { maxHttpBufferSize: 64 * 1024 });
io.on("connection", (socket) => {
  socket.on("echo", (payload, ack) => {
    if (typeof ack === "function") ack(payload);
  });
});
http.listen(0, "127.0.0.1", () => {
  // AddressInfo for a TCP listener; a string would mean a pipe, which listen(0, host) never gives.
  const address: AddressInfo | string | null = http.address();
  const port = typeof address === "object" && address ? address.port : 0;
  process.stdout.write(`${JSON.stringify({ echoPort: port })}\n`);
});
process.once("SIGTERM", () => {
  void io.close();
  process.exit(0);
});
