import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** An OpenID Connect provider for tests, and the address it expects the app at. */
export interface TestOidcProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Start the app on this port with PUBLIC_URL = appUrl: the provider only sends people back there. */
  appPort: number;
  appUrl: string;
  close(): Promise<void>;
}

/** Listens on a port the system picks; the port stays held until the server closes. */
async function listenAnywhere(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address: AddressInfo | string | null = server.address();
  if (typeof address !== "object" || !address) throw new Error("the server has no address");
  return address.port;
}

/**
 * A real OpenID Connect provider (node-oidc-provider) on 127.0.0.1 with its development sign-in pages:
 * any login signs in, and the login typed in is the account's id and email (verified unless it
 * contains "unverified"). It knows one client, the app to be started at `appUrl`.
 */
export async function startOidcProvider(): Promise<TestOidcProvider> {
  // Loaded here: every test imports this folder, few of them need a provider.
  const { default: Provider } = await import("oidc-provider");
  // The app's port is chosen first (then freed for the app to take): the provider must know where
  // it may send people back before the app can be told where the provider is.
  const probe = createServer();
  const appPort = await listenAnywhere(probe);
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  const appUrl = `http://127.0.0.1:${appPort}`;

  let handle: ReturnType<InstanceType<typeof Provider>["callback"]> | null = null;
  const server = createServer((req, res) => {
    if (handle) return void handle(req, res);
    res.statusCode = 503;
    res.end();
  });
  const issuer = `http://127.0.0.1:${await listenAnywhere(server)}`;
  const client = { clientId: "handoff-desk", clientSecret: "handoff-desk-test-secret" };
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: client.clientId,
        client_secret: client.clientSecret,
        redirect_uris: [`${appUrl}/api/auth/oidc/callback`],
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_post",
      },
    ],
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    async findAccount(_ctx, id) {
      return {
        accountId: id,
        claims: async () => ({
          sub: id,
          email: id,
          email_verified: !id.includes("unverified"),
          name: id.split("@")[0],
        }),
      };
    },
    cookies: { keys: ["handoff-test-cookie-key"] },
    // Set, so the provider does not warn about its defaults on every sign-in.
    ttl: {
      Session: 3600,
      Grant: 3600,
      Interaction: 600,
      AuthorizationCode: 60,
      AccessToken: 600,
      IdToken: 600,
    },
    features: { devInteractions: { enabled: true } },
  });
  handle = provider.callback();
  return {
    issuer,
    ...client,
    appPort,
    appUrl,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
