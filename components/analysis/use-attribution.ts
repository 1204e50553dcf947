"use client";

import { useEffect, useState } from "react";
import { attribution, type AttributionRow } from "@/lib/analysis/similarity";
import type { RunState } from "@/lib/moa/run-state";
import type { AttributionRequest, AttributionResponse } from "./attribution-worker";

type Agents = RunState["agents"];
type Steps = RunState["steps"];

/** One result per agents array, so the heatmap and the judged-quality panel share one computation. */
const results = new WeakMap<Agents, Promise<AttributionRow[]>>();
const waiting = new Map<number, { agents: Agents; steps: Steps; resolve: (rows: AttributionRow[]) => void }>();
let worker: Worker | null | undefined;
let nextId = 0;

/** The attribution worker, or null where workers are unavailable or failed to start. */
function attributionWorker(): Worker | null {
  if (worker !== undefined) return worker;
  if (typeof Worker === "undefined") return (worker = null);
  try {
    worker = new Worker(new URL("./attribution-worker.ts", import.meta.url), { type: "module" });
  } catch {
    return (worker = null);
  }
  worker.addEventListener("message", (event: MessageEvent<AttributionResponse>) => {
    waiting.get(event.data.id)?.resolve(event.data.rows);
    waiting.delete(event.data.id);
  });
  worker.addEventListener("error", () => {
    // Never leave a heatmap loading: finish what was asked on the main thread instead.
    worker?.terminate();
    worker = null;
    for (const { agents, steps, resolve } of waiting.values()) resolve(attribution({ agents, steps }));
    waiting.clear();
  });
  return worker;
}

/** `steps`: a method's choice of inputs (lib/moa/methods); the run has ended, so they are complete. */
function computeAttribution(agents: Agents, steps: Steps): Promise<AttributionRow[]> {
  const known = results.get(agents);
  if (known) return known;
  const target = attributionWorker();
  const promise = target
    ? new Promise<AttributionRow[]>((resolve) => {
        const id = nextId++;
        waiting.set(id, { agents, steps, resolve });
        target.postMessage({ id, agents, steps } satisfies AttributionRequest);
      })
    : Promise.resolve().then(() => attribution({ agents, steps }));
  results.set(agents, promise);
  return promise;
}

/** The run's attribution rows (see `attribution`), computed in a worker; undefined until they arrive. */
export function useAttribution(run: Pick<RunState, "agents" | "steps">): AttributionRow[] | undefined {
  const [computed, setComputed] = useState<{ agents: Agents; rows: AttributionRow[] }>();
  useEffect(() => {
    let current = true;
    void computeAttribution(run.agents, run.steps).then((rows) => {
      if (current) setComputed({ agents: run.agents, rows });
    });
    return () => {
      current = false;
    };
  }, [run.agents, run.steps]);
  return computed?.agents === run.agents ? computed.rows : undefined;
}
