"use client";

import { useId, useMemo } from "react";
import { buildCarriedMatrix, questionOf, simAnswersOf } from "@/lib/analysis/carried-points";
import { useRunStore } from "@/lib/client/run-store";
import { hasEnded, type RunState } from "@/lib/moa/run-state";
import { SIM_WORLD_RULES } from "@/lib/providers/sim/rules";
import { carriedBy, worldOf } from "@/lib/providers/sim/world";
import { CarriedMatrixTable } from "./carried-matrix";
import { SimParamsTable } from "./sim-params-table";

/** The matrix of the run in the store, once it has ended; null before, or without simulated answers. */
function useRunMatrix(run: RunState) {
  const ended = hasEnded(run.status);
  const question = questionOf(run);
  return useMemo(() => {
    if (!ended || !question) return null;
    const answers = simAnswersOf(run);
    if (answers.length === 0) return null;
    const world = worldOf(question);
    return { question, matrix: buildCarriedMatrix(world, answers.map((a) => ({ ...a, carried: carriedBy(world, a.text) }))) };
  }, [ended, question, run]);
}

/**
 * "How the simulation works": the rules in plain words, every simulated model's parameters,
 * and, after a run, which key points and wrong claims each of its answers carried. The same
 * content in the run view, on a share page and in the dialog opened from the palette or help.
 */
export function SimGuide() {
  const id = useId();
  const run = useRunStore((s) => s.run);
  const usedIds = useMemo(() => run.agents.flat().map((a) => a.model).filter((m) => m.startsWith("sim:")), [run.agents]);
  const result = useRunMatrix(run);
  const running = run.runId !== "" && !hasEnded(run.status);

  return (
    <div className="flex flex-col gap-5 text-sm">
      <p className="rounded-lg border border-violet-300/70 bg-violet-50 px-3 py-2 text-violet-900 dark:border-violet-800/70 dark:bg-violet-950/50 dark:text-violet-100">
        <strong>This is a simulation, not real models.</strong> Models marked “simulated” run inside this server, call no provider and cost
        nothing. Their answers follow the rules below, so they show how Mixture-of-Agents works; they are not evidence about real LLMs.
      </p>
      <p>{SIM_WORLD_RULES.summary}</p>

      <section aria-labelledby={`${id}-rules`} className="flex flex-col gap-2">
        <h3 id={`${id}-rules`} className="scroll-mt-20 text-sm font-semibold">
          The rules
        </h3>
        <dl className="grid gap-x-4 gap-y-2 sm:grid-cols-[10rem_1fr]">
          {SIM_WORLD_RULES.rules.map((rule) => (
            <div key={rule.id} className="contents">
              <dt className="font-medium">{rule.title}</dt>
              <dd className="text-fg/85">{rule.text}</dd>
            </div>
          ))}
        </dl>
        <p className="text-xs text-muted">
          Try it: open a slot’s settings (the sliders on its card) to change one simulated model’s recall, hallucination, keep or catch,
          for example the final aggregator’s keep and catch to 0, and run again. Where you choose a simulated judge (Compare, Experiments,
          Judged quality) you can add noise or a length bias.
        </p>
      </section>

      <section aria-labelledby={`${id}-params`} className="flex flex-col gap-2">
        <h3 id={`${id}-params`} className="scroll-mt-20 text-sm font-semibold">
          The simulated models’ parameters
        </h3>
        <SimParamsTable usedIds={usedIds} />
        <p className="text-xs text-muted">Skill values a slot’s settings changed are shown in colour, in their own row.</p>
      </section>

      <section aria-labelledby={`${id}-carried`} className="flex flex-col gap-2">
        <h3 id={`${id}-carried`} className="scroll-mt-20 text-sm font-semibold">
          What each answer carried
        </h3>
        {result ? (
          <>
            <p className="text-xs text-muted">
              Prompt: <q className="text-fg">{result.question.length > 160 ? `${result.question.slice(0, 160)}…` : result.question}</q>. Checked in
              your browser against the prompt’s hidden key points (K) and tempting wrong claims (W).
            </p>
            <CarriedMatrixTable matrix={result.matrix} />
          </>
        ) : (
          <p className="text-muted">
            {running
              ? "The matrix appears when this run ends."
              : "After a run with simulated models, this shows which key points and wrong claims each answer carried, layer by layer."}
          </p>
        )}
      </section>
    </div>
  );
}
