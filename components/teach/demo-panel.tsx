"use client";

import { Button } from "@/components/ui/button";
import { SimulatedBadge } from "@/components/ui/badge";
import { useBoardStore } from "@/lib/client/board-store";
import { useRunStore } from "@/lib/client/run-store";
import type { MoAConfig } from "@/lib/moa/config";
import { RANKER_PROMPT, parseRankerChoice } from "@/lib/moa/variants/ranker";
import { useTeachStore } from "./teach-store";

/** Which candidate an LLM-Ranker final agent picked, once it has answered. */
function RankerPick() {
  const pick = useRunStore((s) => {
    const config = s.run.config;
    const last = config ? config.layers.length - 1 : -1;
    if (!config || last < 1 || config.layers[last].synthesisPrompt !== RANKER_PROMPT || s.run.status !== "finished") return null;
    const candidates = s.run.agents[last - 1].filter((a) => a.status === "done");
    const choice = parseRankerChoice(s.run.finalText, candidates.length);
    if ("error" in choice) return `The ranker's reply could not be read: ${choice.error}.`;
    const agent = candidates[choice.index];
    return `The ranker picked answer ${choice.index + 1} (Layer ${last} · Agent ${agent.agent + 1}): it selected an answer, it wrote nothing new.`;
  });
  if (!pick) return null;
  return <p className="rounded-lg bg-accent/10 px-3 py-2 text-sm font-medium text-accent">{pick}</p>;
}

/** The explanation shown beside a classroom demo's run. */
export function DemoPanel({ onRun, running }: { onRun: (config: MoAConfig, prompt: string) => void; running: boolean }) {
  const demo = useTeachStore((s) => s.demo);
  const setDemo = useTeachStore((s) => s.setDemo);
  if (!demo) return null;
  return (
    <aside aria-label={`Classroom demo: ${demo.title}`} className="flex flex-col gap-2 rounded-2xl border border-accent/30 bg-surface p-4 shadow-xs">
      <div className="flex items-center gap-2">
        <h2 className="text-base font-semibold">Demo: {demo.title}</h2>
        {demo.simulated && <SimulatedBadge />}
        <Button size="sm" variant="ghost" className="ml-auto" onClick={() => setDemo(null)}>
          Close demo
        </Button>
      </div>
      <p className="text-sm text-muted">Prompt: “{demo.prompt}”</p>
      <ul className="list-disc space-y-1 pl-5 text-sm">
        {demo.explanation.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      {demo.simulated && (
        <p className="text-xs text-muted">No model keys here, so simulated models play the parts; they are written to make the point visible.</p>
      )}
      <RankerPick />
      {demo.compare && (
        <div className="flex flex-wrap items-center gap-2">
          <Button
            size="sm"
            disabled={running}
            onClick={() => {
              useBoardStore.getState().applyPreset(demo.compare!.config, `Demo: ${demo.title} (compare)`);
              onRun(demo.compare!.config, demo.prompt);
            }}
          >
            {demo.compare.label}
          </Button>
          <span className="text-xs text-muted">{demo.compare.explanation}</span>
        </div>
      )}
    </aside>
  );
}
