import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BenchReport } from "./report/bench-report";

const run = promisify(execFile);
const benchRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

// A functional check of the whole bench on a tiny load: every figure is present and sane. Nothing here
// asserts a latency; the shared test machine makes timings too noisy to gate on.
describe("npm run bench (tiny config)", () => {
  let dir: string;
  let report: BenchReport;
  let stdout: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "handoff-bench-test-"));
    const out = path.join(dir, "bench.json");
    const args = [
      "--clients",
      "5",
      "--agents",
      "2",
      "--duration",
      "4",
      "--warmup",
      "1",
      "--idle",
      "50",
      "--idle-settle",
      "1",
    ];
    const saturation = ["--saturation-start", "5", "--saturation-step", "5", "--saturation-max", "10"];
    const tuning = [
      "--echo-seconds",
      "2",
      "--graph-messages",
      "40",
      "--saturation-seconds",
      "2",
      "--out",
      out,
    ];
    ({ stdout } = await run(
      process.execPath,
      ["--import", "tsx", "src/main.ts", ...args, ...saturation, ...tuning],
      {
        cwd: benchRoot,
        timeout: 240_000,
      },
    ));
    report = BenchReport.parse(JSON.parse(await readFile(out, "utf8")));
  }, 250_000);

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("routes the question mix all three ways, with no errors", () => {
    const { matrix, misrouted } = report.routes;
    expect(matrix.auto.auto).toBeGreaterThan(0);
    expect(matrix.approval.approval).toBeGreaterThan(0);
    expect(matrix.handoff.handoff).toBeGreaterThan(0);
    expect(misrouted).toBe(0);
    expect(report.errors).toMatchObject({ total: 0 });
    expect(report.drainedCleanly).toBe(true);
  });

  it("times every step the customers and agents see", () => {
    const { latencyMs } = report;
    for (const figure of [
      latencyMs.botReply,
      latencyMs.reviewVisible,
      latencyMs.approvalToCustomer,
      latencyMs.handoffVisible,
      latencyMs.agentReplyToCustomer,
      latencyMs.messageAck,
    ]) {
      expect(figure.count).toBeGreaterThan(0);
      expect(figure.p50).toBeGreaterThan(0);
      expect(figure.p99).toBeGreaterThanOrEqual(figure.p50 ?? 0);
      expect(figure.max).toBeGreaterThanOrEqual(figure.p99 ?? 0);
    }
    expect(report.throughput.messagesSent).toBeGreaterThan(0);
    expect(report.throughput.messagesPerSecond).toBeGreaterThan(0);
  });

  it("reports the server's memory, event loop and CPU, the baselines and the machine", () => {
    expect(report.server.rssMb.max).toBeGreaterThan(20);
    expect(report.server.eventLoopDelayMs.count).toBeGreaterThan(0);
    expect(report.server.cpu.serverPercentOfCore).toBeGreaterThan(0);
    expect(report.baselines.socketEcho).toMatchObject({ errors: 0 });
    expect(report.baselines.socketEcho.count).toBeGreaterThan(0);
    expect(report.baselines.graphInProcess.messageToRoute.count).toBe(40);
    expect(report.baselines.graphInProcess.misrouted).toBe(0);
    expect(report.baselines.graphInProcess.approvalToReply.count).toBeGreaterThan(0);
    expect(report.machine.cpuCount).toBeGreaterThan(0);
    expect(report.machine.nodeVersion).toBe(process.version);
    expect(report.machine.serverRuntime).toBe("compiled");
    expect(report.machine.loadAverageAtEnd).toHaveLength(3);
  });

  it("ramps the offered rate step by step in the saturation phase", () => {
    const steps = report.saturation?.steps ?? [];
    expect(steps.map((s) => s.offeredPerSecond)).toEqual([5, 10].slice(0, steps.length));
    expect(steps[0]?.messagesPerSecond).toBeGreaterThan(0);
    expect(steps[0]?.cpuMsPerMessage).toBeGreaterThan(0);
    expect(steps.every((s) => s.errors === 0)).toBe(true);
  });

  it("measures idle capacity and checks every target", () => {
    expect(report.idleCapacity).toMatchObject({ sockets: 50, connected: 50, failed: 0 });
    expect(report.idleCapacity?.rssAfterMb).toBeGreaterThan(0);
    expect(report.targets.map((t) => t.name)).toEqual([
      "server CPU per message",
      "bot reply p99",
      "review visible in console p99",
      "approval -> customer p99",
      "errors",
      "misrouted",
      "saturation: messages/s held with bot reply p99 <= 50 ms",
      "50 idle widgets: server RSS",
    ]);
    expect(stdout).toContain("targets:");
  });
});
