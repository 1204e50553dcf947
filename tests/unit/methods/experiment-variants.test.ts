import { describe, expect, it } from "vitest";
import { runResultOf } from "@/lib/experiments/run-result";
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

  it("runs every one offline beside MoA, as an experiment's cells run them", async () => {
    const config = board(3);
    const variants = [...deriveVariants(config, lookupModel).filter((v) => v.id === "moa"), ...methodVariants(config, lookupModel)];
    const sim = recordingSim();
    const conversation = [{ role: "user" as const, content: "Why is the sky blue?" }];
    for (const variant of variants) {
      let state = initialRunState(variant.id);
      for await (const event of runMoA(variant.config, conversation, { runId: variant.id, ...sim })) state = reduceRun(state, event);
      const run = runResultOf(state);
      expect(run.status, variant.id).toBe("finished");
      expect(run.text.length, variant.id).toBeGreaterThan(20);
    }
  });
});
