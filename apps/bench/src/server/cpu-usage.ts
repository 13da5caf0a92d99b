import { readFileSync } from "node:fs";
import type { CpuWindow } from "../report/bench-report";
import { round } from "../stats/latency-recorder";

// Linux reports CPU time in clock ticks; USER_HZ is 100 on every architecture Node runs on.
const TICKS_PER_SECOND = 100;

/** CPU seconds (user + system) a process has used so far, or null when /proc cannot be read. */
export function processCpuSeconds(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) may contain spaces; the numeric fields start after its ")".
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

/** Busy and total CPU seconds of the whole machine (all cores), from /proc/stat. */
function machineCpuSeconds(): { busy: number; total: number } | null {
  try {
    const line = readFileSync("/proc/stat", "utf8").split("\n")[0] ?? "";
    const ticks = line.trim().split(/\s+/).slice(1).map(Number);
    const total = ticks.reduce((a, b) => a + b, 0);
    const idle = (ticks[3] ?? 0) + (ticks[4] ?? 0); // idle + iowait
    return { busy: (total - idle) / TICKS_PER_SECOND, total: total / TICKS_PER_SECOND };
  } catch {
    return null;
  }
}

/** Starts measuring; the returned function ends the window and reports it. */
export function startCpuWindow(serverPid: number): () => CpuWindow {
  const wallStart = performance.now();
  const serverStart = processCpuSeconds(serverPid);
  const benchStart = process.cpuUsage();
  const machineStart = machineCpuSeconds();
  return () => {
    const wall = (performance.now() - wallStart) / 1000;
    const serverEnd = processCpuSeconds(serverPid);
    const bench = process.cpuUsage(benchStart);
    const machineEnd = machineCpuSeconds();
    const server = serverStart !== null && serverEnd !== null ? serverEnd - serverStart : null;
    const benchSeconds = (bench.user + bench.system) / 1e6;
    const machine =
      machineStart && machineEnd
        ? { busy: machineEnd.busy - machineStart.busy, total: machineEnd.total - machineStart.total }
        : null;
    const percent = (part: number, whole: number) => (whole > 0 ? round((100 * part) / whole) : 0);
    return {
      serverPercentOfCore: server === null ? null : percent(server, wall),
      benchPercentOfCore: percent(benchSeconds, wall),
      machineBusyPercent: machine ? percent(machine.busy, machine.total) : null,
      othersPercentOfMachine:
        machine && server !== null
          ? percent(Math.max(0, machine.busy - server - benchSeconds), machine.total)
          : null,
    };
  };
}
