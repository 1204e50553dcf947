"use client";

import { useEffect, useState } from "react";
import { attribution, type AttributionRow } from "@/lib/analysis/similarity";
import type { RunState } from "@/lib/moa/run-state";
import type { AttributionRequest, AttributionResponse } from "./attribution-worker";

type Agents = RunState["agents"];

/** One result per agents array, so the heatmap and the judged-quality panel share one computation. */
const results = new WeakMap<Agents, Promise<AttributionRow[]>>();
const waiting = new Map<number, { agents: Agents; resolve: (rows: AttributionRow[]) => void }>();
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
    for (const { agents, resolve } of waiting.values()) resolve(attribution({ agents }));
    waiting.clear();
  });
  return worker;
}

function computeAttribution(agents: Agents): Promise<AttributionRow[]> {
  const known = results.get(agents);
  if (known) return known;
  const target = attributionWorker();
  const promise = target
    ? new Promise<AttributionRow[]>((resolve) => {
        const id = nextId++;
        waiting.set(id, { agents, resolve });
        target.postMessage({ id, agents } satisfies AttributionRequest);
      })
    : Promise.resolve().then(() => attribution({ agents }));
  results.set(agents, promise);
  return promise;
}

/** The run's attribution rows (see `attribution`), computed in a worker; undefined until they arrive. */
export function useAttribution(run: Pick<RunState, "agents">): AttributionRow[] | undefined {
  const [computed, setComputed] = useState<{ agents: Agents; rows: AttributionRow[] }>();
  useEffect(() => {
    let current = true;
    void computeAttribution(run.agents).then((rows) => {
      if (current) setComputed({ agents: run.agents, rows });
    });
    return () => {
      current = false;
    };
  }, [run.agents]);
  return computed?.agents === run.agents ? computed.rows : undefined;
}
