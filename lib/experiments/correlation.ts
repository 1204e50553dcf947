import { meanInterval, type MeanInterval } from "@/lib/analysis/mean-interval";
import type { SimilarityMetric } from "@/lib/analysis/similarity";
import { spearman } from "@/lib/analysis/spearman";
import type { ExperimentPlan, ExperimentProgress, ReceivedLayer } from "./types";
import { receivedVariants, unitKey } from "./types";

/** ρ of one group (a layer of a variant, or an aggregator model) over the prompts. */
export interface RhoGroup {
  id: string;
  label: string;
  /** One ρ per prompt where it is defined (the mean over the group's aggregators in that run). */
  perPrompt: number[];
  /** Prompts where ρ was undefined (fewer than two rated inputs, or no variation). */
  undefinedPrompts: number;
  /** Mean of `perPrompt` with its 95% t-interval. */
  summary?: MeanInterval;
}

export interface ReceivedCorrelation {
  byLayer: RhoGroup[];
  byAggregator: RhoGroup[];
  /** Judge verdicts on received answers that could not be read (left out of the win rates). */
  unreadable: number;
}

type Aggregator = ReceivedLayer["aggregators"][number];

/**
 * Spearman's ρ inside one run: how similar the aggregator's answer is to each answer it
 * received, against that answer's judged win rate among the received answers. Inputs without a
 * readable verdict are left out.
 */
export function aggregatorRho(layer: ReceivedLayer, aggregator: Aggregator, metric: SimilarityMetric): number | undefined {
  const rated = layer.quality.flatMap((q, i) => (q === null ? [] : [[aggregator[metric][i], q] as const]));
  return spearman(
    rated.map(([s]) => s),
    rated.map(([, q]) => q),
  );
}

const shortName = (model: string) => model.slice(model.indexOf(":") + 1).replace(/\?.*$/, "");

/** One observation per aggregator per run: the prompt is the unit of the mean, so groups average within it first. */
interface Observation {
  prompt: string;
  layerId: string;
  layerLabel: string;
  model: string;
  rho?: number;
}

function group(id: string, label: string, observations: Observation[], prompts: string[]): RhoGroup {
  const perPrompt: number[] = [];
  let undefinedPrompts = 0;
  for (const prompt of prompts) {
    const here = observations.filter((o) => o.prompt === prompt);
    if (here.length === 0) continue;
    const rhos = here.flatMap((o) => (o.rho === undefined ? [] : [o.rho]));
    if (rhos.length === 0) undefinedPrompts++;
    else perPrompt.push(rhos.reduce((s, r) => s + r, 0) / rhos.length);
  }
  return { id, label, perPrompt, undefinedPrompts, summary: meanInterval(perPrompt, [-1, 1]) };
}

/**
 * The paper's Figure 4b on experiment data. Per prompt (per run), Spearman's ρ between each
 * aggregator's similarity to the answers it actually received and their judged quality; then
 * the mean over prompts with a 95% t-interval, per aggregating layer of each variant and per
 * aggregator model. Never pooled across prompts: answers to different prompts differ in
 * similarity for reasons of their own (length, code), and pooling them can turn a negative ρ
 * in every prompt into a positive one (Simpson's paradox).
 */
export function receivedCorrelation(plan: ExperimentPlan, progress: ExperimentProgress, metric: SimilarityMetric): ReceivedCorrelation {
  const observations: Observation[] = [];
  let unreadable = 0;
  for (const variant of receivedVariants(plan)) {
    const last = variant.config.layers.length - 1;
    for (const prompt of plan.prompts) {
      const analysis = progress.received[unitKey(prompt.id, variant.id)];
      for (const layer of analysis?.layers ?? []) {
        unreadable += layer.unreadable;
        const role = layer.layer === last ? `final aggregator vs layer-${layer.layer} answers` : `layer-${layer.layer + 1} aggregators vs layer-${layer.layer} answers`;
        for (const aggregator of layer.aggregators) {
          observations.push({
            prompt: prompt.id,
            layerId: `${variant.id}:${layer.layer}`,
            layerLabel: `${variant.label} · ${role}`,
            model: aggregator.model,
            rho: aggregatorRho(layer, aggregator, metric),
          });
        }
      }
    }
  }
  const prompts = plan.prompts.map((p) => p.id);
  const distinct = (key: (o: Observation) => string) => [...new Set(observations.map(key))];
  return {
    byLayer: distinct((o) => o.layerId).map((id) => {
      const mine = observations.filter((o) => o.layerId === id);
      return group(id, mine[0].layerLabel, mine, prompts);
    }),
    byAggregator: distinct((o) => shortName(o.model)).map((name) =>
      group(name, name, observations.filter((o) => shortName(o.model) === name), prompts),
    ),
    unreadable,
  };
}
