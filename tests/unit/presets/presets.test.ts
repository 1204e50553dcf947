import { describe, expect, it } from "vitest";
import { buildPreset, PRESETS, type AvailableModel } from "@/lib/presets";
import { LIMITS } from "@/lib/moa/limits";
import { moaConfigSchema } from "@/lib/moa/config";

const sim = (name: string): AvailableModel => ({ id: `sim:${name}`, provider: "sim", available: true, simulated: true });
const real = (id: string, available = true): AvailableModel => ({ id, provider: id.split(":")[0], available, simulated: false });
const SIM_ONLY = ["falcon", "heron", "otter", "lynx", "badger", "orca", "owl", "sloth", "broken"].map(sim);
const shape = (c: { layers: { agents: unknown[] }[] }) => c.layers.map((l) => l.agents.length);
const ids = (c: { layers: { agents: { model: string }[] }[] }) => c.layers.map((l) => l.agents.map((a) => a.model));

describe("presets", () => {
  it("offers MoA, MoA w/ GPT-4o, MoA-Lite and a single-model baseline, then the method library", () => {
    expect(PRESETS.map((p) => p.id)).toEqual(["moa", "moa-gpt-4o", "moa-lite", "single", "self-moa", "self-moa-seq", "ranker", "rank-fuse", "usc", "smoa", "rmoa", "fusion", "council"]);
  });

  it("builds every method preset as a valid config carrying its method", () => {
    for (const preset of PRESETS.filter((p) => p.method)) {
      const { config } = buildPreset(preset.id, SIM_ONLY);
      expect(moaConfigSchema.safeParse(config).success, preset.id).toBe(true);
      expect(config.method?.kind).toBe(preset.method);
    }
    expect(shape(buildPreset("council", SIM_ONLY).config)).toEqual([6, 1]);
    expect(shape(buildPreset("self-moa-seq", SIM_ONLY).config)).toEqual([6, 1, 1, 1]);
  });

  it("puts GPT-4o, or its nearest reachable stand-in, in the final seat of MoA w/ GPT-4o", () => {
    const withGpt4o = buildPreset("moa-gpt-4o", [...SIM_ONLY, real("openai:gpt-4o"), real("together:Qwen/Qwen2.5-72B-Instruct-Turbo")]);
    expect(shape(withGpt4o.config)).toEqual([6, 6, 1]);
    expect(ids(withGpt4o.config)[2]).toEqual(["openai:gpt-4o"]);
    expect(withGpt4o.substitutions).toContainEqual({ wanted: "GPT-4o", used: "openai:gpt-4o" });

    const withoutOpenAI = buildPreset("moa-gpt-4o", [...SIM_ONLY, real("openai:gpt-4o", false), real("anthropic:claude-sonnet-4-5")]);
    expect(ids(withoutOpenAI.config)[2]).toEqual(["anthropic:claude-sonnet-4-5"]);
    expect(withoutOpenAI.substitutions).toContainEqual({ wanted: "GPT-4o", used: "anthropic:claude-sonnet-4-5" });

    const offline = buildPreset("moa-gpt-4o", SIM_ONLY);
    expect(ids(offline.config)[2]).toEqual(["sim:owl"]);
    expect(offline.substitutions).toContainEqual({ wanted: "GPT-4o", used: "sim:owl" });
  });

  it("builds the paper's MoA on simulated models when nothing real is reachable", () => {
    const { config, substitutions } = buildPreset("moa", SIM_ONLY);
    expect(moaConfigSchema.safeParse(config).success).toBe(true);
    expect(shape(config)).toEqual([6, 6, 1]);
    const proposers = ["sim:falcon", "sim:heron", "sim:otter", "sim:lynx", "sim:badger", "sim:orca"];
    expect(ids(config)).toEqual([proposers, proposers, ["sim:owl"]]);
    expect(substitutions).toContainEqual({ wanted: "WizardLM-8x22B", used: "sim:otter" });
    expect(substitutions).toContainEqual({ wanted: "Qwen1.5-110B-Chat", used: "sim:owl" });
  });

  it("builds MoA-Lite and the single baseline", () => {
    const lite = buildPreset("moa-lite", SIM_ONLY).config;
    expect(shape(lite)).toEqual([6, 1]);
    expect(ids(lite)[1]).toEqual(["sim:owl"]);
    expect(shape(buildPreset("single", SIM_ONLY).config)).toEqual([1]);
  });

  it("prefers reachable real models and lists what stands in for each paper model", () => {
    const available = [
      ...SIM_ONLY,
      real("together:Qwen/Qwen2.5-72B-Instruct-Turbo"),
      real("together:meta-llama/Llama-3.3-70B-Instruct-Turbo"),
      real("groq:llama-3.3-70b-versatile"),
      real("openai:gpt-4o-mini"),
      real("openai:gpt-4o", false),
    ];
    const { config, substitutions } = buildPreset("moa", available);
    const layer1 = ids(config)[0];
    expect(layer1.every((id) => !id.startsWith("sim:"))).toBe(true);
    expect(layer1[0]).toBe("together:Qwen/Qwen2.5-72B-Instruct-Turbo");
    expect(layer1[3]).toBe("together:meta-llama/Llama-3.3-70B-Instruct-Turbo");
    expect(layer1).not.toContain("openai:gpt-4o");
    // The final aggregator takes the nearest stand-in even though a proposer already uses it.
    expect(ids(config)[2]).toEqual(["together:Qwen/Qwen2.5-72B-Instruct-Turbo"]);
    expect(substitutions).toContainEqual({ wanted: "LLaMA-3-70B-Instruct", used: "together:meta-llama/Llama-3.3-70B-Instruct-Turbo" });
    expect(substitutions.every((s) => !s.used.startsWith("sim:"))).toBe(true);
  });

  it("falls back to any reachable real model before a simulated one", () => {
    const { config } = buildPreset("moa-lite", [...SIM_ONLY, real("compat:my-model")]);
    expect(ids(config)).toEqual([Array(6).fill("compat:my-model"), ["compat:my-model"]]);
  });

  it("calls every agent of every preset with the paper code's temperature 0.7 and max tokens 2048", () => {
    for (const available of [SIM_ONLY, [...SIM_ONLY, real("openai:gpt-4o"), real("together:Qwen/Qwen2.5-72B-Instruct-Turbo")]]) {
      for (const preset of PRESETS) {
        const agents = buildPreset(preset.id, available).config.layers.flatMap((l) => l.agents);
        expect(agents.map((a) => [a.temperature, a.maxTokens])).toEqual(agents.map(() => [0.7, 2048]));
      }
    }
    // A board built by hand gets the same output limit.
    expect(LIMITS.defaultMaxTokens).toBe(2048);
  });
});
