import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { mergeResults, renderTable, type Row } from "@/bench/lib/table";

const row = (benchmark: string, measured: string): Row => ({ benchmark, config: "c", measured, target: "t", status: "PASS" });

describe("mergeResults (npm run bench with BENCH_ONLY)", () => {
  let dir: string;
  let path: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "moa-results-"));
    path = join(dir, "results.md");
    const table = renderTable([row("Admission under load: latency", "old a"), row("Memory soak: RSS", "old m"), row("Event path: DOM", "old e")]);
    await writeFile(path, `# Benchmark results\n\n${table}\n`, "utf8");
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it("replaces the re-measured rows in place and keeps the others", async () => {
    await mergeResults(path, [row("Memory soak: RSS", "new m")]);
    const text = await readFile(path, "utf8");
    expect(text.indexOf("old a")).toBeLessThan(text.indexOf("new m"));
    expect(text.indexOf("new m")).toBeLessThan(text.indexOf("old e"));
    expect(text).not.toContain("old m");
  });

  it("keeps one date per benchmark: an earlier date loses what is re-measured, and goes once it dates nothing", async () => {
    await mergeResults(path, [row("Admission under load: latency", "a1"), row("Memory soak: RSS", "m1")]);
    await mergeResults(path, [row("Admission under load: latency", "a2")]);
    let dates = (await readFile(path, "utf8")).split("\n").filter((l) => l.startsWith("Rows of "));
    expect(dates.map((l) => l.split(" re-measured")[0])).toEqual(["Rows of Memory soak", "Rows of Admission under load"]);

    await mergeResults(path, [row("Memory soak: RSS", "m2")]);
    await mergeResults(path, [row("Admission under load: latency", "a3")]);
    const text = await readFile(path, "utf8");
    dates = text.split("\n").filter((l) => l.startsWith("Rows of "));
    expect(dates.map((l) => l.split(" re-measured")[0])).toEqual(["Rows of Memory soak", "Rows of Admission under load"]);
    expect(text).not.toMatch(/\n{3,}/);
  });
});
