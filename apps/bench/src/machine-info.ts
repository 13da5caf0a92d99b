import os from "node:os";

/** The machine a result was measured on, so figures from different runs can be compared honestly. */
export function machineInfo(serverRuntime: "compiled" | "source") {
  const cpus = os.cpus();
  return {
    cpuModel: cpus[0]?.model ?? "unknown",
    cpuCount: cpus.length,
    nodeVersion: process.version,
    totalMemMb: Math.round(os.totalmem() / 2 ** 20),
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    // Load before the run: the machine is shared, so a busy neighbour explains a noisy result.
    loadAverage: loadAverage(),
    loadAverageAtEnd: loadAverage(),
    serverRuntime,
  };
}

/** The 1, 5 and 15 minute load averages, rounded. */
export function loadAverage(): number[] {
  return os.loadavg().map((x) => Math.round(x * 100) / 100);
}
