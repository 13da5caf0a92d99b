import type { ManagerOptions, Socket, SocketOptions } from "socket.io-client";

/** A bench client never reconnects: one that drops must show up as an error, not quietly come back. */
export const benchSocketOptions = (token: string): Partial<ManagerOptions & SocketOptions> => ({
  auth: { token },
  transports: ["websocket"],
  reconnection: false,
});

/** Resolves with `socket` once it is connected; a refused handshake closes it and rejects. */
export function connected<S extends Socket>(socket: S): Promise<S> {
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", (err) => {
      socket.close();
      reject(err);
    });
  });
}
