import { loadavg } from "node:os";
import { join } from "node:path";
import { createModelResolver } from "@/lib/providers/registry";
import { benchAdmission } from "./admission";
import { benchBrowser } from "./browser";
import { benchBundle } from "./bundle";
import { benchCapacity } from "./capacity";
import { benchEarlyAggregation } from "./early";
import { benchFanout } from "./fanout";
import { benchJobs } from "./jobs";
import { measureRun } from "./lib/measure";
import { benchMarkdown } from "./markdown";
import { configOf, simId } from "./lib/pace";
import { machineLine, mergeResults, renderTable, writeResults, type Row } from "./lib/table";
import { benchOverhead } from "./overhead";
import { benchPolicies } from "./policies";
import { benchSoak } from "./soak";

/**
 * `npm run bench`: every benchmark once, one table, also written to bench/results.md.
 * Runs on the simulator and the fake OpenAI-compatible server, so every ideal is known.
 */
async function section(name: string, run: () => Promise<Row[]>): Promise<Row[]> {
  const started = performance.now();
  process.stderr.write(`bench: ${name}…`);
  try {
    const rows = await run();
    process.stderr.write(` ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
    return rows;
  } catch (error) {
    process.stderr.write(" failed\n");
    console.error(error);
    return [{ benchmark: name, config: "-", measured: "-", target: "-", status: "MISS", note: `crashed: ${error instanceof Error ? error.message : String(error)}` }];
  }
}

/** Loads modules and warms the JIT, so the first measured run does not pay for it. */
async function warmUp(): Promise<void> {
  const resolve = createModelResolver({ env: { MOA_SIM_SPEED: "1" } });
  const pace = { ttftMs: 5, tokensPerSecond: 2000, tokens: 100 };
  await measureRun(configOf([[simId("falcon", pace), simId("heron", pace)], [simId("owl", pace)]]), resolve);
  await measureRun(configOf([[simId("falcon", pace)], [simId("owl", pace)]], { earlyAggregation: { chunkChars: 50 } }), resolve);
}

/** Every benchmark, by the key BENCH_ONLY selects it with. */
const SECTIONS: Array<[key: string, name: string, run: () => Promise<Row[]>]> = [
  ["overhead", "orchestration overhead", benchOverhead],
  ["policies", "straggler policies", () => benchPolicies({ includeWaitForAll: true })],
  ["early", "early aggregation", benchEarlyAggregation],
  ["capacity", "server capacity", benchCapacity],
  ["jobs", "experiment jobs", benchJobs],
  ["markdown", "markdown rendering", benchMarkdown],
  // Both need a production build; they start their own server on PGlite (BENCH_PORT or a free port).
  ["admission", "admission under load", benchAdmission],
  ["soak", "memory soak", benchSoak],
  ["bundle", "bundle", benchBundle],
  // Skips itself (with the reason) without TEST_DATABASE_URL and a production build.
  ["fanout", "cross-instance fan-out", benchFanout],
  // Needs a production build and Debian's Chromium; skips itself otherwise.
  ["browser", "browser event path", benchBrowser],
];

async function main(): Promise<void> {
  const started = performance.now();
  const load = loadavg().map((n) => n.toFixed(1)).join(", ");
  // BENCH_ONLY=admission,soak runs those rows and replaces only them in bench/results.md.
  const only = process.env.BENCH_ONLY?.split(",").map((k) => k.trim()).filter(Boolean);
  await warmUp();
  const rows: Row[] = [];
  for (const [key, name, run] of SECTIONS) if (!only || only.includes(key)) rows.push(...(await section(name, run)));
  const table = renderTable(rows);
  const elapsed = performance.now() - started;
  const path = join(process.cwd(), "bench", "results.md");
  console.log(`\n${machineLine()}; load average at start ${load}\n`);
  console.log(table);
  if (only) await mergeResults(path, rows, `load average at start: ${load}`);
  else await writeResults(path, table, elapsed, `load average at start: ${load}`);
  console.log(`\nwritten to bench/results.md in ${(elapsed / 1000).toFixed(0)} s`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
