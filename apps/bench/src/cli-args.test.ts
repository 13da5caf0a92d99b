import { describe, expect, it } from "vitest";
import { isFullRun, parseBenchArgs } from "./cli-args";

describe("bench options", () => {
  it("no options is a full run, and so is one that only names where to write or profile", () => {
    expect(isFullRun(parseBenchArgs([]))).toBe(true);
    expect(isFullRun(parseBenchArgs(["--out", "x.json", "--profile", "prof"]))).toBe(true);
    expect(isFullRun(parseBenchArgs(["--clients", "200"]))).toBe(true);
  });

  it("a shorter or smaller run is not a full run", () => {
    expect(isFullRun(parseBenchArgs(["--duration", "10"]))).toBe(false);
    expect(isFullRun(parseBenchArgs(["--idle", "0"]))).toBe(false);
    expect(isFullRun(parseBenchArgs(["--source"]))).toBe(false);
  });

  it("a bad option is a clear error", () => {
    expect(() => parseBenchArgs(["--clients", "0"])).toThrow(/--clients/);
  });
});
