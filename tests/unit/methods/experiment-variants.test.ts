import { describe, expect, it } from "vitest";
import { runExperiment } from "@/lib/experiments/runner";
import { runResultOf } from "@/lib/experiments/run-result";
import { emptyProgress, experimentPlanSchema, unitKey, type ExperimentPlan } from "@/lib/experiments/types";
import { deriveVariants, methodVariants } from "@/lib/experiments/variants";
import { runMoA } from "@/lib/moa/engine";
import { initialRunState, reduceRun } from "@/lib/moa/run-state";
import { lookupModel } from "@/lib/providers/catalog";
import { board, recordingSim } from "./helpers";

describe("methods as experiment variants", () => {
  it("offers every library method the paper's variants do not already cover, each carrying its method", () => {
    const variants = methodVariants(board(3), lookupModel);
    expect(variants.map((v) => v.id)).toEqual(["self-moa-seq", "rank-fuse", "usc", "smoa", "rmoa", "fusion", "council"]);
    for (const v of variants) expect(v.config.method?.kind).toBe(v.id);
    expect(variants.find((v) => v.id === "council")?.label).toBe("Council (6→1)");
    // A one-layer board cannot take a method that needs answers to work on.
    expect(methodVariants({ layers: [{ agents: [{ model: "sim:owl" }] }] }, lookupModel).map((v) => v.id)).toEqual(["self-moa-seq"]);
  });

  it("runs them all in one experiment against MoA, offline", async () => {
    const config = board(3);
    const variants = [...deriveVariants(config, lookupModel).filter((v) => v.id === "moa"), ...methodVariants(config, lookupModel)];
    const plan: ExperimentPlan = experimentPlanSchema.parse({
      id: "methods",
      name: "methods",
      createdAt: "2026-01-01T00:00:00Z",
      prompts: [{ id: "sky", prompt: "Why is the sky blue?" }],
      variants,
      reference: "moa",
      judge: "sim:owl",
    });
    const sim = recordingSim();
    const progress = await runExperiment(
      plan,
      emptyProgress(),
      {
        runVariant: async (variant, conversation) => {
          let state = initialRunState(variant.id);
          for await (const event of runMoA(variant.config, conversation, { runId: variant.id, ...sim })) state = reduceRun(state, event);
          return runResultOf(state);
        },
        judge: async (input) => ({ winner: "tie", consistent: true, reasons: [], runIds: [input.a.run.runId, input.b.run.runId] }),
        onProgress: () => {},
      },
      { concurrency: 2, signal: new AbortController().signal },
    );
    for (const v of variants) {
      const run = progress.runs[unitKey("sky", v.id)];
      expect(run?.status, v.id).toBe("finished");
      expect(run?.text.length, v.id).toBeGreaterThan(20);
    }
  });
});
