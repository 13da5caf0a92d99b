import { readFile } from "node:fs/promises";
import { CpuProfile, summarizeProfile } from "./profile/cpu-profile";

/** `npm run profile-summary -w @handoff/bench -- FILE.cpuprofile [TOP]`: where a profile's time went. */
async function main(): Promise<void> {
  const [file, top = "25"] = process.argv.slice(2);
  if (!file) throw new Error("usage: profile-summary FILE.cpuprofile [TOP]");
  const summary = summarizeProfile(CpuProfile.parse(JSON.parse(await readFile(file, "utf8"))), Number(top));
  const busy = summary.totalMs - summary.idleMs;
  console.log(`total ${summary.totalMs} ms, idle ${summary.idleMs} ms, busy ${round(busy)} ms\n`);
  console.log("by subsystem:");
  for (const c of summary.categories)
    console.log(`  ${pct(c.percent)}  ${c.ms.toFixed(0).padStart(7)} ms  ${c.name}`);
  console.log("\nself time by package:");
  for (const p of summary.packages)
    console.log(`  ${pct(p.percent)}  ${p.ms.toFixed(0).padStart(7)} ms  ${p.name}`);
  console.log("\nself time by function:");
  for (const f of summary.functions)
    console.log(`  ${pct(f.percent)}  ${f.ms.toFixed(0).padStart(7)} ms  ${f.name}`);
  console.log("\ncharged to the nearest function of our code:");
  for (const f of summary.owners)
    console.log(`  ${pct(f.percent)}  ${f.ms.toFixed(0).padStart(7)} ms  ${f.name}`);
  console.log("\ninclusive time (function anywhere on the stack):");
  for (const f of summary.inclusive)
    console.log(`  ${pct(f.percent)}  ${f.ms.toFixed(0).padStart(7)} ms  ${f.name}`);
}

const pct = (x: number) => `${x.toFixed(1).padStart(5)}%`;
const round = (x: number) => Math.round(x * 100) / 100;

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
