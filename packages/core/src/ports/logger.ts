/** Where core reports what it recovered from or gave up on (pino's shape, so the server passes its own). */
export interface Logger {
  info(details: object, message: string): void;
  error(details: object, message: string): void;
}

/** Reports nothing (tests and commands that need no log). */
export const silentLogger: Logger = { info: () => undefined, error: () => undefined };
