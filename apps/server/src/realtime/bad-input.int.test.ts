import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { io as connect } from "socket.io-client";
import { api, connectCustomer, customerTranscript, startTestServer, type TestServer } from "../testing";

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(async () => {
  await server.dispose();
});

describe("bad input", () => {
  it("a malformed message event is refused with a clear error and stores nothing", async () => {
    const customer = await connectCustomer(server);
    // @ts-expect-error: deliberately malformed payload
    const ack = await customer.socket.emitWithAck("message:send", { text: 42 });
    expect(ack.ok).toBe(false);
    if (ack.ok) return;
    expect(ack.error.code).toBe("bad_request");
    expect(ack.error.issues?.map((i) => i.path).sort()).toEqual(["clientId", "text"]);
    expect(await customerTranscript(customer)).toEqual([]);
  });

  it("an empty message is refused", async () => {
    const customer = await connectCustomer(server);
    const ack = await customer.socket.emitWithAck("message:send", { clientId: "c1", text: "   " });
    expect(!ack.ok && ack.error.issues?.[0]?.message).toBe("message is empty");
  });

  it("a message retried with the same client id is stored once", async () => {
    const customer = await connectCustomer(server);
    const first = await customer.socket.emitWithAck("message:send", {
      clientId: "same",
      text: "Do you ship outside the US?",
    });
    const again = await customer.socket.emitWithAck("message:send", {
      clientId: "same",
      text: "Do you ship outside the US?",
    });
    expect(first.ok && again.ok && again.data.duplicate).toBe(true);
    expect(first.ok && again.ok && again.data.message.id === first.data.message.id).toBe(true);
    await server.platform.conversations.idle();
    const customerMessages = (await customerTranscript(customer)).filter((m) => m.author === "customer");
    expect(customerMessages).toHaveLength(1);
  });

  it("a widget socket without a valid visitor token is refused", async () => {
    const socket = connect(`${server.url}/widget`, {
      auth: { token: "forged.token" },
      transports: ["websocket"],
    });
    const error = await new Promise<Error>((resolve) => socket.once("connect_error", resolve));
    socket.disconnect();
    expect(error.message).toMatch(/visitor token/);
  });

  it("a console socket without a session is refused", async () => {
    const socket = connect(`${server.url}/console`, { auth: { token: "nope" }, transports: ["websocket"] });
    const error = await new Promise<Error>((resolve) => socket.once("connect_error", resolve));
    socket.disconnect();
    expect(error.message).toMatch(/sign in/);
  });

  it("a wrong password is refused with the same message as an unknown email", async () => {
    const wrong = await api<{ error: { message: string } }>(server, "POST", "/api/auth/login", {
      email: "agent@demo.local",
      password: "x",
    });
    const unknown = await api<{ error: { message: string } }>(server, "POST", "/api/auth/login", {
      email: "who@demo.local",
      password: "x",
    });
    expect(wrong.status).toBe(401);
    expect(unknown.body.error.message).toBe(wrong.body.error.message);
  });
});
