import { loadavg } from "node:os";
import { join } from "node:path";
import { createModelResolver } from "@/lib/providers/registry";
import { benchAdmission } from "./admission";
import { benchBrowser } from "./browser";
import { benchBundle } from "./bundle";
import { benchCapacity } from "./capacity";
import { benchEarlyAggregation } from "./early";
import { benchFanout } from "./fanout";
import { measureRun } from "./lib/measure";
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

/** `--only browser`: that section alone, its rows merged into results.md. */
async function only(name: string): Promise<void> {
  const sections: Record<string, () => Promise<Row[]>> = { browser: benchBrowser };
  const run = sections[name];
  if (!run) throw new Error(`--only knows: ${Object.keys(sections).join(", ")}`);
  const load = loadavg().map((n) => n.toFixed(1)).join(", ");
  const rows = await section(name, run);
  console.log(renderTable(rows));
  const note = `Rows of the "${name}" section measured ${new Date().toISOString()} by \`npm run bench -- --only ${name}\` (load average at start: ${load}).`;
  await mergeResults(join(process.cwd(), "bench", "results.md"), rows, note);
}

async function main(): Promise<void> {
  const onlyAt = process.argv.indexOf("--only");
  if (onlyAt > 0) return only(process.argv[onlyAt + 1] ?? "");
  const started = performance.now();
  const load = loadavg().map((n) => n.toFixed(1)).join(", ");
  await warmUp();
  const rows = [
    ...(await section("orchestration overhead", benchOverhead)),
    ...(await section("straggler policies", () => benchPolicies({ includeWaitForAll: true }))),
    ...(await section("early aggregation", benchEarlyAggregation)),
    ...(await section("server capacity", benchCapacity)),
    // Both need a production build; they start their own server on PGlite (BENCH_PORT or a free port).
    ...(await section("admission under load", benchAdmission)),
    ...(await section("memory soak", benchSoak)),
    ...(await section("bundle", benchBundle)),
    // Skips itself (with the reason) without TEST_DATABASE_URL and a production build.
    ...(await section("cross-instance fan-out", benchFanout)),
    // Needs a production build and Debian's Chromium; skips itself otherwise.
    ...(await section("browser event path", benchBrowser)),
  ];
  const table = renderTable(rows);
  const elapsed = performance.now() - started;
  console.log(`\n${machineLine()}; load average at start ${load}\n`);
  console.log(table);
  await writeResults(join(process.cwd(), "bench", "results.md"), table, elapsed, `load average at start: ${load}`);
  console.log(`\nwritten to bench/results.md in ${(elapsed / 1000).toFixed(0)} s`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
