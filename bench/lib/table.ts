import { writeFile } from "node:fs/promises";
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
