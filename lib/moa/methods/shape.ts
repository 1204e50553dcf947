import type { z } from "zod";
import { seqSteps, type MethodConfig } from "./schema";

interface Shape {
  layers: Array<{ agents: Array<{ model: string }> }>;
  method?: MethodConfig;
}

/** The board shape each method needs, checked with the rest of the config so the API and the board say the same. */
export function checkMethodShape(config: Shape, ctx: z.RefinementCtx): void {
  const method = config.method;
  if (!method || method.kind === "moa") return;
  const fail = (message: string, path: (string | number)[] = ["method"]) => ctx.addIssue({ code: "custom", path, message });
  const layers = config.layers;
  const proposers = layers[0]?.agents ?? [];
  const oneModel = proposers.every((a) => a.model === proposers[0]?.model);
  if (method.kind === "self-moa") {
    if (!oneModel) fail("Self-MoA samples one model: every proposer must be the same model", ["layers", 0, "agents"]);
    return;
  }
  if (layers.length < 2) return fail(`${method.kind} needs at least two layers: answers, then the step that uses them`);
  if (method.kind === "council" && layers.length !== 2) fail("a council has two layers: its members, then the chairman");
  if (method.kind === "self-moa-seq") {
    if (!oneModel) fail("Self-MoA-Seq samples one model: every proposer must be the same model", ["layers", 0, "agents"]);
    layers.slice(1).forEach((layer, i) => {
      if (layer.agents.length !== 1) fail("each Self-MoA-Seq step is one aggregator", ["layers", i + 1, "agents"]);
    });
    const steps = seqSteps(proposers.length, method.window);
    if (layers.length - 1 !== steps) {
      fail(`${proposers.length} samples in windows of ${method.window} take ${steps} aggregation step${steps === 1 ? "" : "s"}, not ${layers.length - 1}`);
    }
  }
}
