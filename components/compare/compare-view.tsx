"use client";

import { useRef, useState } from "react";
import { AppHeader } from "@/components/layout/app-header";
import { Button } from "@/components/ui/button";
import { postRun } from "@/lib/client/run-client";
import { createRunStore, type RunStoreApi } from "@/lib/client/run-store";
import { useSettingsHydrated, useSettingsStore } from "@/lib/client/settings-store";
import type { VariantSpec } from "@/lib/experiments/types";
import { JudgePanel } from "./judge-panel";
import { useBoardVariants } from "./use-board-variants";
import { DEFAULT_COMPARE, VariantPicker } from "./variant-picker";
import { VariantColumn } from "./variant-column";
import { useCompareEnded } from "./use-compare-ended";
import { plural } from "@/lib/plural";

/** One store per variant: the ranker's store posts with `variant: "ranker"`. */
function storeFor(variant: VariantSpec): RunStoreApi {
  return createRunStore({
    postRun: (body, fetchImpl) => postRun({ ...body, variant: variant.variant }, fetchImpl),
  });
}

/** Several variants of the board on the same prompt, side by side, then an optional judge. */
export function CompareView() {
  useSettingsHydrated();
  const { hydrated, problem, variants } = useBoardVariants();
  const [selected, setSelected] = useState<string[]>(DEFAULT_COMPARE);
  const [prompt, setPrompt] = useState("");
  const [helpOpen, setHelpOpen] = useState(false);
  const [columns, setColumns] = useState<Array<{ variant: VariantSpec; store: RunStoreApi }>>([]);
  const stores = useRef(new Map<string, RunStoreApi>());
  const { running, answers } = useCompareEnded(columns);

  const chosen = variants.filter((v) => selected.includes(v.id));
  const start = () => {
    const text = prompt.trim();
    if (!text || running || chosen.length === 0) return;
    const keys = useSettingsStore.getState().runKeys();
    const next = chosen.map((variant) => {
      // A store per variant id is kept, so a column keeps its identity across comparisons.
      const key = `${variant.id}:${variant.variant}`;
      const store = stores.current.get(key) ?? storeFor(variant);
      stores.current.set(key, store);
      return { variant, store };
    });
    setColumns(next);
    for (const { variant, store } of next) {
      store.getState().newConversation();
      void store.getState().start({ config: variant.config, prompt: text, keys });
    }
  };
  const stop = () => columns.forEach(({ store }) => void store.getState().stop());

  return (
    <div className="min-h-dvh">
      <AppHeader helpOpen={helpOpen} onHelpOpenChange={setHelpOpen} />
      <main className="mx-auto flex max-w-[110rem] flex-col gap-5 px-4 py-5 sm:px-6">
        <div>
          <h1 className="text-lg font-semibold">Compare variants</h1>
          <p className="max-w-prose text-sm text-muted">
            Runs variants of the board you built in the playground on the same prompt: MoA as built, the final aggregator alone, the
            LLM-Ranker that only picks one of the answers its final agent receives, the strongest proposer alone, and more.
          </p>
        </div>
        {!hydrated ? null : problem ? (
          <p role="alert" className="text-sm">
            {problem} <a href="/" className="text-accent hover:underline">Fix the board in the playground</a>.
          </p>
        ) : (
          <div className="flex flex-col gap-4 rounded-2xl border border-line bg-surface p-4 shadow-xs lg:flex-row">
            <VariantPicker variants={variants} selected={selected} onChange={setSelected} disabled={running} />
            <div className="flex flex-1 flex-col gap-2">
              <label htmlFor="compare-prompt" className="text-xs font-semibold tracking-wide text-muted uppercase">
                Prompt
              </label>
              <textarea
                id="compare-prompt"
                value={prompt}
                onChange={(e) => setPrompt(e.target.value)}
                rows={3}
                className="w-full rounded-lg border border-line bg-bg p-2 text-sm"
                placeholder="Ask something all variants will answer."
              />
              <div className="flex gap-2">
                <Button variant="primary" onClick={start} disabled={running || !prompt.trim() || chosen.length === 0}>
                  Compare {plural(chosen.length, "variant")}
                </Button>
                {running && (
                  <Button variant="danger" onClick={stop}>
                    Stop all
                  </Button>
                )}
              </div>
            </div>
          </div>
        )}
        {columns.length > 0 && (
          <div className="grid gap-3" style={{ gridTemplateColumns: `repeat(auto-fit, minmax(min(100%, 18rem), 1fr))` }}>
            {columns.map(({ variant, store }) => (
              <VariantColumn key={variant.id} variant={variant} store={store} />
            ))}
          </div>
        )}
        {!running && answers.length >= 2 && <JudgePanel key={answers.map((a) => a.runId).join()} answers={answers} />}
      </main>
    </div>
  );
}

