/**
 * `npm run build`: bundles the server for node into dist/bin (main.js, graph-worker-thread.js,
 * healthcheck.js). Our workspace packages are TypeScript source, so they are compiled into the bundle;
 * every other package stays in node_modules (native modules, and what reads files of its own).
 *
 * The bundle sits two folders below the package, like every source file (src/<folder>/file.ts), so
 * paths resolved from import.meta.url (the demo help center, the built UIs, the shared evaluation
 * sets) point to the same places whether the server runs from source or from the bundle.
 */
import { rm } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build, type Plugin } from "esbuild";

const packageRoot = path.dirname(fileURLToPath(import.meta.url));

const entryPoints = {
  main: "src/main.ts",
  "graph-worker-thread": "src/graph-worker/graph-worker-thread.ts",
  healthcheck: "src/healthcheck.ts",
};

const workspacePackagesOnly: Plugin = {
  name: "bundle-workspace-packages-only",
  setup(builder) {
    builder.onResolve({ filter: /^[^./]/ }, (args) =>
      args.path.startsWith("@handoff/") ? undefined : { path: args.path, external: true },
    );
  },
};

/** Builds into `outDir` (a folder two levels below the package: see above), replacing what was there. */
export async function buildServer(outDir = "dist/bin"): Promise<void> {
  const absolute = path.resolve(packageRoot, outDir);
  if (path.dirname(path.dirname(absolute)) !== packageRoot) {
    throw new Error(
      `the bundle must sit two folders below ${packageRoot}, like the sources; got ${absolute}`,
    );
  }
  await rm(absolute, { recursive: true, force: true });
  await build({
    absWorkingDir: packageRoot,
    entryPoints,
    outdir: absolute,
    bundle: true,
    platform: "node",
    format: "esm",
    // A dynamic import (the MongoDB store, the Redis adapter) stays a chunk loaded on first use, so a
    // SQLite deployment never loads mongoose or redis; chunks sit beside the entries (same depth).
    splitting: true,
    chunkNames: "chunk-[hash]",
    target: "node20",
    plugins: [workspacePackagesOnly],
    logLevel: "warning",
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await buildServer(process.argv[2]);
}
