import { readFile, writeFile } from "node:fs/promises";
import { availableParallelism, cpus } from "node:os";

export type Status = "PASS" | "MISS" | "n/a" | "not measured" | "skipped";

export interface Row {
  benchmark: string;
  config: string;
  measured: string;
  target: string;
  status: Status;
  note?: string;
}

const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");

export function renderTable(rows: Row[]): string {
  const head = ["Benchmark", "Configuration", "Measured", "Target", "Result", "Notes"];
  const lines = [head, head.map(() => "---"), ...rows.map((r) => [r.benchmark, r.config, r.measured, r.target, r.status, r.note ?? ""])];
  return lines.map((cols) => `| ${cols.map(cell).join(" | ")} |`).join("\n");
}

export function machineLine(): string {
  return `${availableParallelism()} cores (${cpus()[0]?.model.trim() ?? "unknown CPU"}), Node ${process.version}, ${process.platform}/${process.arch}`;
}

export async function writeResults(path: string, table: string, elapsedMs: number, context = ""): Promise<void> {
  const body = [
    "# Benchmark results",
    "",
    `Machine: ${machineLine()}${context ? `; ${context}` : ""}. Generated ${new Date().toISOString()} by \`npm run bench\` in ${(elapsedMs / 1000).toFixed(0)} s.`,
    "",
    table,
    "",
  ].join("\n");
  await writeFile(path, body, "utf8");
}

const REMEASURED = /^Rows of (.+) re-measured \S+ \(`BENCH_ONLY`/;

/**
 * Puts `rows` into an existing results file in place of the rows of the same benchmarks (the
 * first cell up to its colon), keeping every other row; new benchmarks go at the end. Each
 * replaced benchmark is dated under the table, since the header dates the full run.
 */
export async function mergeResults(path: string, rows: Row[], context = ""): Promise<void> {
  const existing = await readFile(path, "utf8").catch(() => "");
  if (!existing.includes("| Benchmark |")) return writeResults(path, renderTable(rows), 0, context);
  const family = (benchmark: string) => benchmark.split(":")[0].trim();
  const replaced = new Set(rows.map((r) => family(r.benchmark)));
  const fresh = renderTable(rows).split("\n").slice(2);
  const lines = existing.trimEnd().split("\n");
  const out: string[] = [];
  let inserted = false;
  for (const line of lines) {
    const first = line.startsWith("| ") ? line.slice(2).split(" | ")[0] : undefined;
    if (first !== undefined && replaced.has(family(first.replace(/\\\|/g, "|")))) {
      if (!inserted) out.push(...fresh);
      inserted = true;
      continue;
    }
    out.push(line);
  }
  if (!inserted) {
    const lastRow = out.findLastIndex((line) => line.startsWith("| "));
    out.splice(lastRow + 1, 0, ...fresh);
  }
  // An earlier date keeps only the benchmarks it still dates; with none left, it goes.
  const redated = out.flatMap((line) => {
    const listed = REMEASURED.exec(line)?.[1];
    if (listed === undefined) return [line];
    const still = listed.split(", ").filter((f) => !replaced.has(f));
    return still.length === 0 ? [] : [line.replace(listed, still.join(", "))];
  });
  const kept = redated.join("\n").replace(/\n{3,}/g, "\n\n");
  const note = `Rows of ${[...replaced].join(", ")} re-measured ${new Date().toISOString()} (\`BENCH_ONLY\`; ${machineLine()}${context ? `; ${context}` : ""}).`;
  await writeFile(path, `${kept}\n\n${note}\n`, "utf8");
}
