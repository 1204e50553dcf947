import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runEventSchema } from "@/lib/moa/events";
import { runCli } from "./spawn-cli";

// Each spawn pays for tsx and the engine's imports: a few seconds on a busy machine.
const SLOW = 90_000;
let dir: string;
let emptyModels: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "moa-cli-"));
  emptyModels = path.join(dir, "models");
});

afterAll(() => rm(dir, { recursive: true, force: true }));

describe("moa-playground run on simulated models", () => {
  it("prints the answer on stdout and per-agent progress on stderr", async () => {
    const result = await runCli(["run", "Why do cats purr?", "--preset", "moa-lite"], { env: { MODELS_DIR: emptyModels } });
    expect(result.stderr).not.toMatch(/error/i);
    expect(result.code).toBe(0);
    expect(result.stdout.trim().length).toBeGreaterThan(50);
    expect(result.stdout).not.toContain("L1.1");
    // Not a TTY here: one plain line per change, for all six proposers and the aggregator.
    for (const agent of ["L1.1", "L1.6", "L2.1"]) expect(result.stderr).toMatch(new RegExp(`${agent.replace(".", "\\.")}\\s+sim:\\S+\\s+done\\s+\\d+ tok`));
    expect(result.stderr).toMatch(/done in .*output tokens across all agents/);
  }, SLOW);

  it("--json prints the whole run record with its events and final text", async () => {
    const result = await runCli(["run", "Name three rivers.", "--preset", "single", "--model", "sim:owl", "--json"], { env: { MODELS_DIR: emptyModels } });
    expect(result.code).toBe(0);
    const record = JSON.parse(result.stdout);
    const events = record.events.map((e: unknown) => runEventSchema.parse(e));
    expect(events[0].type).toBe("run-started");
    expect(events.at(-1)).toMatchObject({ type: "run-finished", text: record.finalText });
    expect(record.finalText.length).toBeGreaterThan(20);
    expect(record).toMatchObject({ status: "finished", preset: "single", config: { layers: [{ agents: [{ model: "sim:owl" }] }] } });
    expect(record.messages).toEqual([{ role: "user", content: "Name three rivers." }]);
    expect(record.usage.outputTokens).toBeGreaterThan(0);
  }, SLOW);

  it("says on stderr and in the record when the answer was cut by --max-tokens", async () => {
    const result = await runCli(["run", "Name three rivers.", "--model", "sim:owl", "--preset", "single", "--max-tokens", "5", "--json"], { env: { MODELS_DIR: emptyModels } });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('note: The final answer stopped at its 5-token output limit (finish reason "length").');
    const record = JSON.parse(result.stdout);
    expect(record.notes).toEqual([expect.objectContaining({ kind: "truncated", final: true, label: "truncated at 5 tokens" })]);
  }, SLOW);

  it("builds a board from --proposers and --aggregator and reads a config file", async () => {
    const file = path.join(dir, "board.json");
    await writeFile(file, JSON.stringify({ name: "Saved", config: { layers: [{ agents: [{ model: "sim:falcon" }] }] } }));
    const result = await runCli(
      ["run", "-", "--config", file, "--proposers", "sim:falcon,sim:heron", "--aggregator", "sim:owl", "--max-tokens", "40", "--json", "--quiet"],
      { stdin: "Summarise the water cycle." },
    );
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("");
    const record = JSON.parse(result.stdout);
    expect(record.config.layers).toEqual([
      { agents: [{ model: "sim:falcon", maxTokens: 40 }, { model: "sim:heron", maxTokens: 40 }] },
      { agents: [{ model: "sim:owl", maxTokens: 40 }] },
    ]);
    expect(record.messages[0].content).toBe("Summarise the water cycle.");
  }, SLOW);
});

// Independent, quick spawns: run together so the file does not wait on each start-up in turn.
describe.concurrent("moa-playground failures", () => {
  it("exits 2 with a clear message for an unknown preset", async ({ expect }) => {
    const result = await runCli(["run", "hi", "--preset", "mega"]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain('unknown preset "mega": use one of moa, moa-gpt-4o, moa-lite, single');
  }, SLOW);

  it("exits 2 for an invalid config file, naming what is wrong", async ({ expect }) => {
    const file = path.join(dir, "bad.json");
    await writeFile(file, JSON.stringify({ layers: [{ agents: [{ model: "sim:a" }, { model: "sim:b" }] }] }));
    const result = await runCli(["run", "hi", "--config", file]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/invalid config in .*bad\.json: layers\[0\]\.agents: the last layer must have exactly one agent/);
  }, SLOW);

  it("exits 2 before running when a model's provider does not exist", async ({ expect }) => {
    const result = await runCli(["run", "hi", "--model", "nope:thing"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/unknown provider "nope"/);
  }, SLOW);

  it("exits 1 with the reason when the run fails", async ({ expect }) => {
    const result = await runCli(["run", "hi", "--preset", "single", "--model", "local:missing"], { env: { MODELS_DIR: emptyModels } });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/run failed: Layer 1: its only agent failed/);
  }, SLOW);
});
