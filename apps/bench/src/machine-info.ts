import os from "node:os";

/** The machine a result was measured on, so figures from different runs can be compared honestly. */
export function machineInfo() {
  const cpus = os.cpus();
  return {
    cpuModel: cpus[0]?.model ?? "unknown",
    cpuCount: cpus.length,
    nodeVersion: process.version,
    totalMemMb: Math.round(os.totalmem() / 2 ** 20),
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    // Load before the run: the machine is shared, so a busy neighbour explains a noisy result.
    loadAverage: os.loadavg().map((x) => Math.round(x * 100) / 100),
  };
}
