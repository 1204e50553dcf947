import { describe, expect, it } from "vitest";
import { parseCliArgs } from "@/cli/args";
import { applyOverrides, resolveBoard } from "@/cli/board";
import { CliError } from "@/cli/cli-error";
import type { MoAConfig } from "@/lib/moa/config";

// The board logic in-process: quicker than spawning the CLI for every combination.
const threeLayers: MoAConfig = {
  layers: [
    { agents: [{ model: "sim:a" }, { model: "sim:b" }], policy: { kind: "quorum", k: 2 } },
    { agents: [{ model: "sim:a" }, { model: "sim:b" }] },
    { agents: [{ model: "sim:c", temperature: 0.1 }] },
  ],
};

describe("CLI board overrides", () => {
  it("--model puts one model on every agent and keeps the shape", () => {
    const config = applyOverrides(threeLayers, { model: "sim:owl" });
    expect(config.layers.map((l) => l.agents.map((a) => a.model))).toEqual([["sim:owl", "sim:owl"], ["sim:owl", "sim:owl"], ["sim:owl"]]);
    expect(config.layers[2].agents[0].temperature).toBe(0.1);
  });

  it("--proposers replaces every layer before the last; a quorum that no longer fits is dropped", () => {
    const config = applyOverrides(threeLayers, { proposers: ["sim:x"], aggregator: "sim:z" });
    expect(config.layers).toEqual([{ agents: [{ model: "sim:x" }] }, { agents: [{ model: "sim:x" }] }, { agents: [{ model: "sim:z", temperature: 0.1 }] }]);
    expect(config.layers[0]).not.toHaveProperty("policy");
    expect(applyOverrides(threeLayers, { proposers: ["sim:x", "sim:y", "sim:z"] }).layers[0].policy).toEqual({ kind: "quorum", k: 2 });
  });

  it("--proposers turns a one-agent board into proposers plus its agent as the aggregator", () => {
    const config = applyOverrides({ layers: [{ agents: [{ model: "sim:c" }] }] }, { proposers: ["sim:a", "sim:b"], maxTokens: 50 });
    expect(config.layers).toEqual([
      { agents: [{ model: "sim:a", maxTokens: 50 }, { model: "sim:b", maxTokens: 50 }] },
      { agents: [{ model: "sim:c", maxTokens: 50 }] },
    ]);
  });

  it("refuses a model id that is not provider:model", () => {
    expect(() => applyOverrides(threeLayers, { model: "gpt4" })).toThrow(CliError);
  });

  it("maps a preset onto the models it is given", async () => {
    const available = [{ id: "openai:gpt-4o-mini", provider: "openai", name: "x", available: true, simulated: false }];
    const board = await resolveBoard(parseCliArgs(["run", "q", "--preset", "single"]), async () => available);
    // Presets call every agent with the paper's sampling settings.
    expect(board.config.layers).toEqual([{ agents: [{ model: "openai:gpt-4o-mini", temperature: 0.7, maxTokens: 2048 }] }]);
    expect(board.preset).toBe("single");
  });
});

describe("CLI arguments", () => {
  it.each([
    [["run", "a", "b"], /one argument/],
    [["run", "q", "--preset", "moa", "--config", "f.json"], /either --preset or --config/],
    [["run", "q", "--max-tokens", "0"], /--max-tokens must be a whole number/],
    [["run", "q", "--temperature", "3"], /between 0 and 2/],
    [["run", "q", "--frobnicate"], /Unknown option/],
    [["fly"], /unknown command "fly"/],
  ])("%j is a usage error", (argv, message) => {
    expect(() => parseCliArgs(argv)).toThrow(message);
    try {
      parseCliArgs(argv);
    } catch (error) {
      expect((error as CliError).exitCode).toBe(2);
    }
  });
});
