import { Writable } from "node:stream";
import { pino } from "pino";
import { z } from "zod";
import type { Logger } from "../app/logger";

const LogLine = z.looseObject({ level: z.number(), msg: z.string().optional() });
/** One parsed pino line. */
export type LogLine = z.infer<typeof LogLine>;

/** A real pino logger whose JSON lines a test can read back. */
export function captureLogger(): { logger: Logger; lines: LogLine[] } {
  const lines: LogLine[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split("\n")) if (line) lines.push(LogLine.parse(JSON.parse(line)));
      done();
    },
  });
  return { logger: pino({ level: "info", base: undefined }, sink), lines };
}
