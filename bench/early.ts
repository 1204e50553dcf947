import { wrapLanguageModel, type LanguageModel } from "ai";
import type { LanguageModelV3Prompt } from "@ai-sdk/provider";
import type { EventOf, RunEvent } from "@/lib/moa/events";
import { createModelResolver } from "@/lib/providers/registry";
import { fmtMs, measureRun } from "./lib/measure";
import { configOf, paceGrid, simId } from "./lib/pace";
import type { Row } from "./lib/table";

const REDUCTION_TARGET = 0.5;

type Recorded = { layer: number; agent: number; prompt: LanguageModelV3Prompt };

/** Records every request's prompt per agent id so the final passes can be checked. */
function recordingResolver(requests: Map<string, LanguageModelV3Prompt[]>) {
  const resolve = createModelResolver({ env: { MOA_SIM_SPEED: "1" } });
  return (id: string): LanguageModel =>
    wrapLanguageModel({
      model: resolve(id) as Parameters<typeof wrapLanguageModel>[0]["model"],
      middleware: {
        specificationVersion: "v3",
        transformParams: async ({ params }) => {
          requests.set(id, [...(requests.get(id) ?? []), params.prompt]);
          return params;
        },
      },
    });
}

const systemOf = (prompt: LanguageModelV3Prompt) => prompt.filter((m) => m.role === "system").map((m) => m.content).join("\n");

/** Did each agent's last request of every later layer contain every previous-layer answer in full? */
function finalPassesSawFullTexts(events: RunEvent[], ids: string[][], requests: Map<string, LanguageModelV3Prompt[]>): boolean {
  const finished = events.filter((e): e is EventOf<"agent-finished"> => e.type === "agent-finished");
  return ids.slice(1).every((row, i) => {
    const previous = finished.filter((e) => e.layer === i).map((e) => e.text);
    return row.every((id) => {
      const last = requests.get(id)?.at(-1);
      return last !== undefined && previous.length === ids[i].length && previous.every((text) => systemOf(last).includes(text));
    });
  });
}

export async function benchEarlyAggregation(): Promise<Row[]> {
  const grid = paceGrid([6, 6, 1]);
  // Unique names per run: the recording is keyed by id.
  const idsFor = (tag: string) => grid.map((layer, l) => layer.map((pace, j) => simId(`falcon-${tag}l${l}a${j}`, pace)));
  const plainIds = idsFor("w");
  const plain = await measureRun(configOf(plainIds), createModelResolver({ env: { MOA_SIM_SPEED: "1" } }));
  const requests = new Map<string, LanguageModelV3Prompt[]>();
  const earlyIds = idsFor("e");
  const early = await measureRun(configOf(earlyIds, { earlyAggregation: {} }), recordingResolver(requests));
  const reduction = 1 - early.finalTtftMs / plain.finalTtftMs;
  const full = finalPassesSawFullTexts(early.events, earlyIds, requests);
  const finalRequests = requests.get(earlyIds.at(-1)![0])?.length ?? 0;
  return [
    {
      benchmark: "Early aggregation: final answer TTFT",
      config: "3×6 sim, staircase (chunkChars 400) vs wait-for-all",
      measured: `${Math.round(reduction * 100)}% lower (${fmtMs(early.finalTtftMs)} vs ${fmtMs(plain.finalTtftMs)}); total ${fmtMs(early.wallMs)} vs ${fmtMs(plain.wallMs)}`,
      target: `≥ ${REDUCTION_TARGET * 100}% lower, full texts used`,
      status: early.outcome === "run-finished" && full && reduction >= REDUCTION_TARGET ? "PASS" : "MISS",
      note: `final passes saw every full answer: ${full ? "yes" : "NO"}; final aggregator requests: ${finalRequests}`,
    },
  ];
}

export type { Recorded };
