import { describe, expect, it } from "vitest";
import { toResponse } from "@/lib/errors";
import { MoAConfigError } from "@/lib/moa/errors";
import type { MoAConfig } from "@/lib/moa/config";
import { moaAsGiven, moaLite, selfMoA, singleModel, variantConfigs, SELF_MOA_TEMPERATURE } from "@/lib/moa/variants/variant-configs";

const paperLike: MoAConfig = {
  layers: [
    { agents: [{ model: "sim:a" }, { model: "sim:b" }, { model: "sim:c" }], policy: { kind: "all" } },
    { agents: [{ model: "sim:a" }, { model: "sim:b" }, { model: "sim:c" }], synthesisPrompt: "Merge." },
    { agents: [{ model: "sim:d", temperature: 0 }] },
  ],
};

describe("variant configurations", () => {
  it("MoA returns a checked copy of the configuration", () => {
    const copy = moaAsGiven(paperLike);
    expect(copy).toEqual(paperLike);
    copy.layers[0].agents[0].model = "sim:z";
    expect(paperLike.layers[0].agents[0].model).toBe("sim:a");
  });

  it("MoA-Lite keeps the proposers and the final aggregator", () => {
    expect(moaLite(paperLike)).toEqual({ layers: [paperLike.layers[0], paperLike.layers[2]] });
    const two = { layers: [paperLike.layers[0], paperLike.layers[2]] };
    expect(moaLite(two)).toEqual(two);
  });

  it("Self-MoA samples one model n times at 0.7 and lets it aggregate itself by default", () => {
    const config = selfMoA({ proposer: { model: "sim:a", maxTokens: 256, temperature: 0.1 }, samples: 4 });
    expect(SELF_MOA_TEMPERATURE).toBe(0.7);
    expect(config.layers).toHaveLength(2);
    expect(config.layers[0].agents).toEqual(Array(4).fill({ model: "sim:a", maxTokens: 256, temperature: 0.7 }));
    expect(config.layers[1].agents).toEqual([{ model: "sim:a", maxTokens: 256 }]);
    expect(config.layers[1].agents[0]).not.toHaveProperty("temperature");
  });

  it("Self-MoA takes a separate aggregator and temperature when given", () => {
    const config = selfMoA({ proposer: { model: "sim:a" }, samples: 2, aggregator: { model: "sim:d" }, temperature: 1 });
    expect(config).toEqual({
      layers: [{ agents: [{ model: "sim:a", temperature: 1 }, { model: "sim:a", temperature: 1 }] }, { agents: [{ model: "sim:d" }] }],
    });
  });

  it("a single model is one layer of one agent", () => {
    expect(singleModel({ model: "sim:a", temperature: 0.2 })).toEqual({ layers: [{ agents: [{ model: "sim:a", temperature: 0.2 }] }] });
    expect(variantConfigs.single).toBe(singleModel);
  });

  it("rejects what the engine would reject, with the engine's config error naming the variant; a route answers it as 400 bad_request:config", async () => {
    expect(() => selfMoA({ proposer: { model: "sim:a" }, samples: 17 })).toThrow(/Self-MoA: a layer holds at most 16 agents/);
    expect(() => selfMoA({ proposer: { model: "sim:a" }, samples: 0 })).toThrow(MoAConfigError);
    let thrown: unknown;
    try {
      singleModel({ model: "no-colon" });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(MoAConfigError);
    const response = toResponse(thrown);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: "bad_request:config", message: expect.stringMatching(/^Single model: /) } });
  });
});
