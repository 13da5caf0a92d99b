import type { BenchReport } from "./bench-report";

type Target = BenchReport["targets"][number];

const atMost = (name: string, actual: number | null, limit: number, unit: string): Target => ({
  name,
  target: `<= ${limit} ${unit}`.trim(),
  actual,
  met: actual !== null && actual <= limit,
});

/** Issue 18's targets (200 widgets at 1 msg / 2 s and 20 agents on a 2-core machine). */
export function checkTargets(report: Omit<BenchReport, "targets">): Target[] {
  const { latencyMs, errors, idleCapacity, saturation, server, routes } = report;
  const targets = [
    atMost("server CPU per message", server.cpuMsPerMessage, 3, "ms"),
    atMost("bot reply p99", latencyMs.botReply.p99, 20, "ms"),
    atMost("review visible in console p99", latencyMs.reviewVisible.p99, 20, "ms"),
    atMost("approval -> customer p99", latencyMs.approvalToCustomer.p99, 15, "ms"),
    atMost("errors", errors.total, 0, ""),
    atMost("misrouted", routes.misrouted, 0, ""),
  ];
  if (saturation) {
    const actual = saturation.highestRateHeld;
    targets.push({
      name: `saturation: messages/s held with bot reply p99 <= ${saturation.p99LimitMs} ms`,
      target: ">= 300 msg/s",
      actual,
      met: actual !== null && actual >= 300,
    });
  }
  if (idleCapacity) {
    targets.push({
      name: `${idleCapacity.sockets} idle widgets: server RSS`,
      target: `<= ${idleCapacity.budgetMb} MB`,
      actual: idleCapacity.rssAfterMb,
      met: idleCapacity.withinBudget,
    });
  }
  return targets;
}
