import { z } from "zod";

const CallFrame = z.object({
  functionName: z.string(),
  url: z.string(),
  lineNumber: z.number(),
  columnNumber: z.number(),
});

/** The parts of a V8 `.cpuprofile` (as `node --cpu-prof` writes it) that the summary reads. */
export const CpuProfile = z.object({
  nodes: z.array(
    z.object({
      id: z.number(),
      callFrame: CallFrame,
      children: z.array(z.number()).optional(),
    }),
  ),
  startTime: z.number(),
  endTime: z.number(),
  samples: z.array(z.number()),
  timeDeltas: z.array(z.number()),
});
export type CpuProfile = z.infer<typeof CpuProfile>;

/** Time attributed to one function or package, in milliseconds and as a share of the profile. */
export interface TimeEntry {
  name: string;
  ms: number;
  percent: number;
}

/** Self time by function and by package (node_modules package, workspace file or runtime). */
export interface ProfileSummary {
  totalMs: number;
  idleMs: number;
  functions: TimeEntry[];
  packages: TimeEntry[];
  /** Time with the function anywhere on the stack (what a call costs including its callees). */
  inclusive: TimeEntry[];
  /**
   * Each sample charged to the nearest function of our own code on its stack (library work charged
   * to the call of ours that asked for it), or to the leaf's package when the stack has none of ours
   * (work resumed from the microtask queue, such as LangGraph between nodes).
   */
  owners: TimeEntry[];
  /** Each sample in the first matching category (see CATEGORIES), by what is on its stack. */
  categories: TimeEntry[];
}

/**
 * Subsystems, checked in order against the stack's frames (leaf first); a sample goes to the first
 * that matches. Checkpoint writes come before the store and LangGraph so their SQLite work counts there.
 */
const CATEGORIES: ReadonlyArray<[string, (frame: z.infer<typeof CallFrame>) => boolean]> = [
  ["garbage collection", (f) => f.functionName === "(garbage collector)"],
  ["idle", (f) => f.functionName === "(idle)"],
  [
    "LangGraph checkpoint writes (serialise + SQLite)",
    (f) => f.url.includes("langgraph-checkpoint") || /^(_putCheckpoint|putWrites)$/.test(f.functionName),
  ],
  [
    "socket delivery (socket.io, engine.io, ws, writes)",
    (f) =>
      /node_modules\/(socket\.io|engine\.io|ws|socket\.io-adapter|socket\.io-parser)\//.test(f.url) ||
      f.functionName === "writev" ||
      f.functionName === "writeUtf8String" ||
      f.functionName === "writeBuffer",
  ],
  ["our SQLite store (packages/store)", (f) => f.url.includes("/packages/store/src/")],
  ["LangGraph / LangChain runtime", (f) => /node_modules\/(@langchain|langsmith)\//.test(f.url)],
  ["our domain code (packages/core)", (f) => f.url.includes("/packages/core/src/")],
  ["our server code (apps/server)", (f) => f.url.includes("/apps/server/src/")],
];

/** Sums each sample's time onto the function it was taken in (self time), then ranks. */
export function summarizeProfile(profile: CpuProfile, top = 25): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const parentOf = new Map<number, number>();
  for (const n of profile.nodes) for (const child of n.children ?? []) parentOf.set(child, n.id);
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => {
    // V8 stores the gap before each sample; it is the time that sample stands for.
    const delta = profile.timeDeltas[i + 1] ?? 0;
    selfUs.set(id, (selfUs.get(id) ?? 0) + delta);
  });
  const totalUs = [...selfUs.values()].reduce((a, b) => a + b, 0);
  const functions = new Map<string, number>();
  const packages = new Map<string, number>();
  let idleUs = 0;
  for (const [id, us] of selfUs) {
    const frame = byId.get(id);
    if (!frame) continue;
    if (frame.functionName === "(idle)") idleUs += us;
    const fn = label(frame);
    functions.set(fn, (functions.get(fn) ?? 0) + us);
    const pkg = packageOf(frame.url, frame.functionName);
    packages.set(pkg, (packages.get(pkg) ?? 0) + us);
  }
  const inclusive = new Map<string, number>();
  const owners = new Map<string, number>();
  const categories = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const stack: Array<z.infer<typeof CallFrame>> = [];
    for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) {
      const frame = byId.get(at);
      if (frame) stack.push(frame);
    }
    const category =
      CATEGORIES.find(([, test]) => stack.some(test))?.[0] ?? "other (node internals, parsing, ...)";
    categories.set(category, (categories.get(category) ?? 0) + us);
    const seen = new Set<string>();
    let owner: string | null = null;
    for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) {
      const frame = byId.get(at);
      if (!frame?.url) continue;
      seen.add(label(frame));
      if (
        owner === null &&
        /\/(apps|packages)\/[^/]+\/src\//.test(frame.url) &&
        !frame.url.includes("node_modules")
      )
        owner = label(frame);
    }
    for (const fn of seen) inclusive.set(fn, (inclusive.get(fn) ?? 0) + us);
    const leaf = byId.get(id);
    const key =
      owner ?? `(no code of ours on the stack) ${leaf ? packageOf(leaf.url, leaf.functionName) : "?"}`;
    owners.set(key, (owners.get(key) ?? 0) + us);
  }
  const rank = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, us]) => ({ name, ms: round(us / 1000), percent: round((100 * us) / totalUs) }));
  return {
    totalMs: round(totalUs / 1000),
    idleMs: round(idleUs / 1000),
    functions: rank(functions),
    packages: rank(packages),
    inclusive: rank(inclusive),
    owners: rank(owners),
    categories: rank(categories),
  };
}

function label(frame: z.infer<typeof CallFrame>): string {
  const where = frame.url ? `${shortUrl(frame.url)}:${frame.lineNumber + 1}` : "";
  return `${frame.functionName || "(anonymous)"} ${where}`.trim();
}

function shortUrl(url: string): string {
  const i = url.lastIndexOf("node_modules/");
  if (i >= 0) return url.slice(i + "node_modules/".length);
  const m = /\/(apps|packages)\/(.*)$/.exec(url);
  return m ? `${m[1]}/${m[2]}` : url.replace(/^file:\/\//, "");
}

// Groups by npm package, or workspace, so "how much is SQLite vs LangGraph vs socket.io" reads at a glance.
function packageOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith("(") ? functionName : "(native)";
  const i = url.lastIndexOf("node_modules/");
  if (i >= 0) {
    const rest = url.slice(i + "node_modules/".length).split("/");
    return rest[0]?.startsWith("@") ? `${rest[0]}/${rest[1]}` : (rest[0] ?? url);
  }
  const m = /\/(apps|packages)\/([^/]+)\//.exec(url);
  if (m) return `${m[1]}/${m[2]}`;
  if (url.startsWith("node:")) return "node:internal";
  return url;
}

const round = (x: number) => Math.round(x * 100) / 100;
