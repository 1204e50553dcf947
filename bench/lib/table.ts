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

/**
 * `npm run bench -- --only <section>`: puts the fresh rows where the same benchmarks stood in
 * results.md (their old rows go) and leaves every other row as it was.
 */
export async function mergeResults(path: string, rows: Row[], note: string): Promise<void> {
  const old = await readFile(path, "utf8").catch(() => "");
  const names = new Set(rows.map((r) => r.benchmark));
  const fresh = renderTable(rows).split("\n").slice(2);
  const out: string[] = [];
  let placed = false;
  for (const line of old.split("\n")) {
    const name = /^\| (.+?) \| /.exec(line)?.[1];
    if (name && names.has(name)) {
      if (!placed) out.push(...fresh);
      placed = true;
      continue;
    }
    out.push(line);
  }
  if (!placed) out.splice(out.length - 1, 0, ...fresh);
  const at = out.findIndex((line) => line.startsWith("| "));
  out.splice(at > 0 ? at - 1 : out.length, 0, "", note);
  await writeFile(path, out.join("\n"), "utf8");
}
