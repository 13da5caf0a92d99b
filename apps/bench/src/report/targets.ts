import type { BenchReport } from "./bench-report";

type Target = BenchReport["targets"][number];

const atMost = (name: string, actual: number | null, limit: number, unit: string): Target => ({
  name,
  target: `<= ${limit} ${unit}`,
  actual,
  met: actual !== null && actual <= limit,
});

/** The targets (for 200 widgets at 1 msg / 2 s and 20 agents on a 2-core machine). */
export function checkTargets(report: Omit<BenchReport, "targets">): Target[] {
  const { latencyMs, errors, idleCapacity } = report;
  const targets = [
    atMost("bot reply p99", latencyMs.botReply.p99, 50, "ms"),
    atMost("review visible in console p99", latencyMs.reviewVisible.p99, 50, "ms"),
    atMost("approval -> customer p99", latencyMs.approvalToCustomer.p99, 20, "ms"),
    atMost("errors", errors.total, 0, ""),
  ];
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
