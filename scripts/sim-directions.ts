/**
 * The MoA paper's directions, measured offline on the simulated world: every setup runs on the
 * 12 built-in prompts through the real engine with sim models, and each final answer is scored
 * by the sim judge against the prompt's ground truth. Run with `npx tsx --tsconfig tsconfig.node.json scripts/sim-directions.ts`.
 * Nothing here is tuned per setup: the setups differ only in their MoA configuration.
 */
import { streamText } from "ai";
import { runMoA } from "@/lib/moa/engine";
import type { MoAConfig } from "@/lib/moa/config";
import { buildJudgeMessages, combineSwappedVerdicts, parseJudgeVerdict } from "@/lib/moa/variants";
import { BUILTIN_PROMPTS } from "@/lib/experiments/builtin-prompts";
import { createModelResolver } from "@/lib/providers/registry";
import { judgeScore } from "@/lib/providers/sim/judge-score";
import { carriedBy, worldOf } from "@/lib/providers/sim/world";
import { tfidfSimilarities } from "@/lib/analysis/tfidf";
import { spearman } from "@/lib/analysis/spearman";

const resolveModel = createModelResolver({ env: { MOA_SIM_SPEED: "1000000" } });
const PROPOSERS = ["falcon", "heron", "otter", "lynx", "badger", "orca"].map((m) => `sim:${m}`);
const agents = (models: string[], temperature?: number) => ({ agents: models.map((model) => ({ model, ...(temperature === undefined ? {} : { temperature }) })) });
const single = (model: string): MoAConfig => ({ layers: [agents([model])] });
const moa = (layer1: string[], final: string, middle = 0, temperature?: number): MoAConfig => ({
  layers: [agents(layer1, temperature), ...Array.from({ length: middle }, () => agents(PROPOSERS)), agents([final])],
});

interface Setup {
  label: string;
  config: MoAConfig;
  ranker?: boolean;
}

const SETUPS: Setup[] = [
  ...PROPOSERS.map((m) => ({ label: `${m} alone`, config: single(m) })),
  { label: "sim:owl alone", config: single("sim:owl") },
  { label: "MoA 3 layers (6 → 6 → owl)", config: moa(PROPOSERS, "sim:owl", 1) },
  { label: "MoA 4 layers (6 → 6 → 6 → owl)", config: moa(PROPOSERS, "sim:owl", 2) },
  { label: "MoA-Lite (6 → owl)", config: moa(PROPOSERS, "sim:owl") },
  { label: "MoA-Lite, owl keep=0 catch=0", config: moa(PROPOSERS, "sim:owl?keep=0&catch=0") },
  { label: "6 diverse → orca", config: moa(PROPOSERS, "sim:orca") },
  { label: "Self-MoA (orca ×6, t=0.7 → owl)", config: moa(Array(6).fill("sim:orca"), "sim:owl", 0, 0.7) },
  { label: "Self-MoA as Experiments builds it (orca ×6 → orca)", config: moa(Array(6).fill("sim:orca"), "sim:orca", 0, 0.7) },
  { label: "n=1 (falcon → owl)", config: moa(PROPOSERS.slice(0, 1), "sim:owl") },
  { label: "n=2 → owl", config: moa(PROPOSERS.slice(0, 2), "sim:owl") },
  { label: "n=3 → owl", config: moa(PROPOSERS.slice(0, 3), "sim:owl") },
  { label: "n=6 → owl", config: moa(PROPOSERS, "sim:owl") },
  { label: "LLM-Ranker (6 → owl picks)", config: moa(PROPOSERS, "sim:owl"), ranker: true },
];

async function finalOf(setup: Setup, prompt: string): Promise<{ text: string; layer1: string[]; lastInputs: string[] }> {
  const messages = [{ role: "user" as const, content: prompt }];
  const config: MoAConfig = setup.ranker ? { ...setup.config, method: { kind: "ranker" } } : setup.config;
  const events = runMoA(config, messages, { runId: "d", resolveModel });
  const byLayer = new Map<number, string[]>();
  let text = "";
  for await (const e of events) {
    if (e.type === "agent-finished") byLayer.set(e.layer, [...(byLayer.get(e.layer) ?? []), e.text]);
    if (e.type === "run-finished") text = e.text;
    if (e.type === "run-failed") throw new Error(e.message);
  }
  const last = setup.config.layers.length - 1;
  return { text, layer1: byLayer.get(0) ?? [], lastInputs: byLayer.get(last - 1) ?? [] };
}

async function verdict(prompt: string, a: string, b: string): Promise<"win" | "tie" | "loss"> {
  const conversation = [{ role: "user" as const, content: prompt }];
  const ask = async (x: string, y: string) => {
    const [system, user] = buildJudgeMessages(conversation, x, y);
    const reply = await streamText({ model: resolveModel("sim:owl"), system: system.content, prompt: user.content }).text;
    const parsed = parseJudgeVerdict(reply);
    if ("error" in parsed) throw new Error(parsed.error);
    return parsed;
  };
  const combined = combineSwappedVerdicts(await ask(a, b), await ask(b, a));
  return combined.winner === "first" ? "win" : combined.winner === "second" ? "loss" : "tie";
}

const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / Math.max(1, xs.length);
const ci95 = (xs: number[]) => 1.96 * Math.sqrt(mean(xs.map((x) => (x - mean(xs)) ** 2)) / Math.max(1, xs.length - 1));

async function main() {
  const prompts = BUILTIN_PROMPTS.map((p) => p.prompt);
  const results = new Map<string, string[]>();
  const rhos: number[] = [];
  for (const setup of SETUPS) {
    const texts: string[] = [];
    for (const prompt of prompts) {
      const run = await finalOf(setup, prompt);
      texts.push(run.text);
      if (setup.label.startsWith("MoA-Lite (")) {
        // Paper Fig. 4b: per prompt, similarity of each input to the aggregator's answer vs its quality.
        const quality = run.lastInputs.map((a) => judgeScore(worldOf(prompt), a));
        const rho = spearman(tfidfSimilarities(run.text, run.lastInputs), quality);
        if (rho !== undefined) rhos.push(rho);
      }
    }
    results.set(setup.label, texts);
  }
  const best = results.get("sim:orca alone")!;
  console.log("| Setup | Mean score (± 95% CI) | Key points | Wrong claims | vs orca alone (W/T/L, both orders) |");
  console.log("| --- | --- | --- | --- | --- |");
  for (const setup of SETUPS) {
    const texts = results.get(setup.label)!;
    const scores = texts.map((t, i) => judgeScore(worldOf(prompts[i]), t));
    const counts = { win: 0, tie: 0, loss: 0 };
    if (setup.label !== "sim:orca alone") for (const [i, t] of texts.entries()) counts[await verdict(prompts[i], t, best[i])]++;
    const wtl = setup.label === "sim:orca alone" ? "—" : `${counts.win}/${counts.tie}/${counts.loss}`;
    const carried = texts.map((t, i) => carriedBy(worldOf(prompts[i]), t));
    const points = mean(carried.map((c) => c.points.length));
    const wrong = mean(carried.map((c) => c.wrong.length));
    console.log(`| ${setup.label} | ${mean(scores).toFixed(2)} ± ${ci95(scores).toFixed(2)} | ${points.toFixed(1)} | ${wrong.toFixed(2)} | ${wtl} |`);
  }
  const PAIRS: Array<[string, string, string]> = [
    ["MoA above its best proposer", "MoA 3 layers (6 → 6 → owl)", "sim:orca alone"],
    ["Collaborativeness: owl with 6 answers vs owl alone", "MoA-Lite (6 → owl)", "sim:owl alone"],
    ["2 layers vs 1 (MoA-Lite vs best proposer)", "MoA-Lite (6 → owl)", "sim:orca alone"],
    ["3 layers vs 2", "MoA 3 layers (6 → 6 → owl)", "MoA-Lite (6 → owl)"],
    ["4 layers vs 3", "MoA 4 layers (6 → 6 → 6 → owl)", "MoA 3 layers (6 → 6 → owl)"],
    ["6 diverse vs orca ×6 (same aggregator)", "MoA-Lite (6 → owl)", "Self-MoA (orca ×6, t=0.7 → owl)"],
    ["owl vs orca as final aggregator", "MoA-Lite (6 → owl)", "6 diverse → orca"],
    ["n=2 vs n=1", "n=2 → owl", "n=1 (falcon → owl)"],
    ["n=3 vs n=2", "n=3 → owl", "n=2 → owl"],
    ["n=6 vs n=3", "n=6 → owl", "n=3 → owl"],
    ["MoA-Lite vs LLM-Ranker (same proposers)", "MoA-Lite (6 → owl)", "LLM-Ranker (6 → owl picks)"],
    ["keep=0 catch=0 aggregator vs owl alone", "MoA-Lite, owl keep=0 catch=0", "sim:owl alone"],
  ];
  console.log("\n| Comparison | W/T/L (sim judge, both orders) | Mean score difference (± 95% CI) |");
  console.log("| --- | --- | --- |");
  for (const [label, x, y] of PAIRS) {
    const [a, b] = [results.get(x)!, results.get(y)!];
    const counts = { win: 0, tie: 0, loss: 0 };
    for (const [i, t] of a.entries()) counts[await verdict(prompts[i], t, b[i])]++;
    const diffs = a.map((t, i) => judgeScore(worldOf(prompts[i]), t) - judgeScore(worldOf(prompts[i]), b[i]));
    console.log(`| ${label} | ${counts.win}/${counts.tie}/${counts.loss} | ${mean(diffs) >= 0 ? "+" : ""}${mean(diffs).toFixed(2)} ± ${ci95(diffs).toFixed(2)} |`);
  }
  console.log(`\nMean per-prompt Spearman ρ (TF-IDF similarity to owl's answer vs judge score of the input), MoA-Lite: ${mean(rhos).toFixed(2)} ± ${ci95(rhos).toFixed(2)} over ${rhos.length} prompts`);
}

void main();
