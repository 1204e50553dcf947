"use client";

import { useMemo, useState } from "react";
import { JudgeSelect } from "@/components/compare/judge-select";
import { VariantPicker } from "@/components/compare/variant-picker";
import { Button } from "@/components/ui/button";
import { BUILTIN_PROMPTS } from "@/lib/experiments/builtin-prompts";
import { estimateExperimentCost } from "@/lib/experiments/cost-estimate";
import { formatUsd } from "@/lib/client/format";
import { lookupModel } from "@/lib/providers/catalog";
import { keepPrompts } from "@/lib/experiments/answer-sets";
import type { AnswerSet, ExperimentPlan, ExperimentPrompt, VariantSpec } from "@/lib/experiments/types";
import { plural } from "@/lib/plural";
import { readPrompts, SUITE_LABELS } from "@/lib/suites/read-prompts";
import { FILE_REFERENCE_ID, fileReferenceOf, fileReferenceSet } from "@/lib/suites/reference-answers";
import { CostBeforeLaunch, parseBudget } from "./cost-before-launch";
import { FetchSuiteButtons } from "./fetch-suite-buttons";
import { StoredReferencePicker } from "./stored-reference-picker";

export interface SetupProps {
  variants: VariantSpec[];
  onStart(plan: ExperimentPlan, budgetUsd?: number): void;
  disabled?: boolean;
  /** Changes when a job starts or ends, so the list of earlier experiments is read again. */
  refreshKey?: string;
}

const DEFAULT_VARIANTS = ["moa", "best-proposer"];

/** Prompts (typed, uploaded or built in), variants, the reference and the judge; the server sets the pace per provider. */
export function ExperimentSetup({ variants, onStart, disabled, refreshKey }: SetupProps) {
  const [text, setText] = useState("");
  const [fileName, setFileName] = useState<string | undefined>();
  const [builtin, setBuiltin] = useState<ExperimentPrompt[] | null>(null);
  const [selected, setSelected] = useState<string[]>(DEFAULT_VARIANTS.filter((id) => variants.some((v) => v.id === id)));
  /** Null until the user picks one: then the file's reference outputs when it has them, else the best proposer alone. */
  const [reference, setReference] = useState<string | null>(null);
  /** Another experiment's variant, picked as fixed reference answers. */
  const [stored, setStored] = useState<AnswerSet | undefined>();
  const [judge, setJudge] = useState("");
  const [budget, setBudget] = useState("");
  /** The estimate is above the budget: launching waits for a second, explicit yes. */
  const [confirming, setConfirming] = useState(false);

  const parsed = useMemo(() => (builtin ? { prompts: builtin, errors: [] } : readPrompts(text, fileName)), [builtin, text, fileName]);
  const suite = "suite" in parsed ? parsed.suite : undefined;
  const chosen = variants.filter((v) => selected.includes(v.id));
  // AlpacaEval: the file's own outputs are the reference side, judged without running anything.
  const fileReference = useMemo(() => (builtin ? undefined : fileReferenceOf(text)), [builtin, text]);
  const sets = useMemo(() => {
    const ids = parsed.prompts.map((p) => p.id);
    const fromFile = fileReference && fileReferenceSet(fileReference, ids, fileName);
    return [fromFile, stored && keepPrompts(stored, ids)].filter((set): set is AnswerSet => set !== undefined);
  }, [fileReference, stored, parsed.prompts, fileName]);
  const wanted = reference ?? (sets[0]?.id === FILE_REFERENCE_ID ? FILE_REFERENCE_ID : "best-proposer");
  const answerSet = sets.find((set) => set.id === wanted);
  const ref = answerSet ? answerSet.id : chosen.some((v) => v.id === wanted) ? wanted : chosen.at(-1)?.id;
  const againstSet = answerSet !== undefined;
  const verdicts = parsed.prompts.length * Math.max(0, againstSet ? chosen.length : chosen.length - 1);
  const { budgetUsd, error: budgetError } = parseBudget(budget);

  const draft = useMemo((): ExperimentPlan | undefined => {
    if (parsed.prompts.length === 0 || chosen.length < (againstSet ? 1 : 2) || !ref || !judge) return undefined;
    return { id: "draft", name: "", createdAt: "", prompts: parsed.prompts, variants: chosen, reference: ref, judge, ...(againstSet && answerSet && { answerSets: [answerSet] }) };
  }, [parsed.prompts, chosen, ref, judge, againstSet, answerSet]);
  const ready = draft !== undefined && !budgetError;
  const estimate = useMemo(() => (draft ? estimateExperimentCost(draft, lookupModel) : undefined), [draft]);
  const overBudget = budgetUsd !== undefined && estimate !== undefined && estimate.total.usd > budgetUsd;

  const upload = async (file: File | undefined) => {
    if (!file) return;
    setBuiltin(null);
    setFileName(file.name);
    setText(await file.text());
  };

  const start = (confirmed = false) => {
    if (!draft || budgetError) return;
    if (overBudget && !confirmed) return setConfirming(true);
    setConfirming(false);
    const now = new Date();
    onStart({ ...draft, id: `exp-${now.getTime().toString(36)}`, name: `Experiment of ${now.toLocaleString()}`, createdAt: now.toISOString() }, budgetUsd);
  };

  return (
    <section aria-label="Experiment setup" className="grid gap-5 rounded-2xl border border-line bg-surface p-4 shadow-xs lg:grid-cols-[1fr_20rem]">
      <div className="flex flex-col gap-2">
        <label htmlFor="experiment-prompts" className="text-xs font-semibold tracking-wide text-muted uppercase">
          Prompts, one per line
        </label>
        <textarea
          id="experiment-prompts"
          value={builtin ? builtin.map((p) => p.prompt).join("\n") : text}
          onChange={(e) => {
            setBuiltin(null);
            setFileName(undefined);
            setText(e.target.value);
          }}
          rows={6}
          disabled={disabled}
          className="w-full rounded-lg border border-line bg-bg p-2 text-sm"
          placeholder="Paste prompts here, upload a JSON, JSONL or CSV file (AlpacaEval, MT-Bench and MATH files are recognised), or use the built-in set."
        />
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <Button size="sm" onClick={() => setBuiltin([...BUILTIN_PROMPTS])} disabled={disabled}>
            Use the built-in set ({BUILTIN_PROMPTS.length})
          </Button>
          <label className="inline-flex h-7 cursor-pointer items-center rounded-md border border-line px-2.5 text-xs font-medium hover:bg-subtle">
            Upload file
            <input type="file" accept=".json,.jsonl,.ndjson,.csv,.txt" className="sr-only" onChange={(e) => void upload(e.target.files?.[0])} disabled={disabled} />
          </label>
          <span className="text-xs text-muted" aria-live="polite">
            {plural(parsed.prompts.length, "prompt")}
            {fileName && ` from ${fileName}`}
            {suite && ` · ${SUITE_LABELS[suite]}`}
          </span>
        </div>
        <FetchSuiteButtons
          disabled={disabled}
          onFetched={(file) => {
            setBuiltin(null);
            setFileName(file.fileName);
            setText(file.text);
          }}
        />
        {parsed.errors.length > 0 && (
          <ul className="text-xs text-amber-800 dark:text-amber-300" aria-label="Problems with the prompts">
            {parsed.errors.slice(0, 5).map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        )}
      </div>
      <div className="flex flex-col gap-3">
        <VariantPicker variants={variants} selected={selected} onChange={setSelected} disabled={disabled} />
        <label className="flex items-center gap-2 text-sm">
          <span className="text-muted">Reference</span>
          <select aria-label="Reference" value={ref ?? ""} onChange={(e) => setReference(e.target.value)} disabled={disabled} className="h-8 min-w-0 flex-1 rounded-md border border-line bg-surface px-2 text-sm">
            {sets.map((set) => (
              <option key={set.id} value={set.id}>
                {set.id === FILE_REFERENCE_ID ? `${set.label} of the file` : set.label}
              </option>
            ))}
            {chosen.map((v) => (
              <option key={v.id} value={v.id}>
                {v.label}
              </option>
            ))}
          </select>
        </label>
        <StoredReferencePicker
          disabled={disabled}
          refreshKey={refreshKey}
          onPick={(set) => {
            setStored(set);
            setReference(set ? set.id : null);
          }}
        />
        <JudgeSelect value={judge} onChange={setJudge} disabled={disabled} />
        <CostBeforeLaunch
          estimate={estimate}
          budget={budget}
          onBudgetChange={(text) => {
            setBudget(text);
            setConfirming(false);
          }}
          disabled={disabled}
        />
        {confirming && estimate && budgetUsd !== undefined ? (
          <div role="alert" className="flex flex-col gap-2 rounded-lg border border-amber-300 p-2.5 text-sm dark:border-amber-700">
            <p>
              The estimate ({formatUsd(estimate.total.usd)}) is above your budget ({formatUsd(budgetUsd)}): the job will stop when it has spent the budget, before
              every step is done.
            </p>
            <div className="flex gap-2">
              <Button size="sm" variant="primary" onClick={() => start(true)} disabled={disabled}>
                Launch anyway
              </Button>
              <Button size="sm" onClick={() => setConfirming(false)}>
                Cancel
              </Button>
            </div>
          </div>
        ) : (
          <Button variant="primary" onClick={() => start()} disabled={disabled || !ready}>
            Run experiment
          </Button>
        )}
        <p className="text-xs text-muted">
          {plural(parsed.prompts.length, "prompt")} × {plural(chosen.length, "variant")} = {plural(parsed.prompts.length * chosen.length, "run")}, plus{" "}
          {plural(verdicts, "verdict")} judged in both orders{againstSet && answerSet && `, each against ${answerSet.label} (${plural(Object.keys(answerSet.answers).length, "answer")} for these prompts)`}.
        </p>
      </div>
    </section>
  );
}
