import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeTinyGguf } from "@/tests/fixtures/tiny-gguf";
import { runCli } from "./spawn-cli";

// Real llama.cpp in the CLI's own process, on a random-weights model: the text is noise, the path is real.
let modelsDir: string;

beforeAll(async () => {
  modelsDir = await mkdtemp(path.join(tmpdir(), "moa-cli-local-"));
  await writeTinyGguf(path.join(modelsDir, "tiny.gguf"));
});

afterAll(() => rm(modelsDir, { recursive: true, force: true }));

describe("moa-playground run on a local GGUF model", () => {
  it("runs proposers and an aggregator in-process and reports their tokens", async () => {
    const result = await runCli(
      ["run", "Say something about llamas.", "--proposers", "local:tiny,local:tiny", "--aggregator", "local:tiny", "--max-tokens", "8", "--json"],
      { env: { MODELS_DIR: modelsDir } },
    );
    expect(result.stderr).not.toMatch(/run failed|unexpected error/);
    expect(result.code).toBe(0);
    const record = JSON.parse(result.stdout);
    expect(record.status).toBe("finished");
    expect(record.agents.flat()).toHaveLength(3);
    for (const agent of record.agents.flat()) {
      expect(agent).toMatchObject({ model: "local:tiny", status: "done" });
      expect(agent.usage.outputTokens).toBeGreaterThan(0);
      expect(agent.usage.outputTokens).toBeLessThanOrEqual(8);
    }
    expect(record.usage.outputTokens).toBeGreaterThan(0);
    expect(result.stderr).toMatch(/L2\.1\s+local:tiny\s+done\s+\d+ tok/);
  }, 120_000);
});
