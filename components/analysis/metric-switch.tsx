"use client";

import { cn } from "@/components/ui/cn";
import type { SimilarityMetric } from "@/lib/analysis/similarity";

export type Metric = SimilarityMetric;

export const METRICS: Record<Metric, { label: string; explain: string }> = {
  bleu: { label: "BLEU", explain: "BLEU: shared word sequences of up to four words" },
  tfidf: { label: "TF-IDF cosine", explain: "TF-IDF cosine: shared vocabulary, rare words weighing more" },
  levenshtein: { label: "Levenshtein", explain: "normalised Levenshtein: how few word edits turn one into the other" },
};

/** A segmented radio group to pick the similarity metric. */
export function MetricSwitch({ value, onChange, className }: { value: Metric; onChange(metric: Metric): void; className?: string }) {
  return (
    <div role="radiogroup" aria-label="Similarity metric" className={cn("inline-flex rounded-lg border border-line bg-subtle p-0.5 text-xs", className)}>
      {(Object.keys(METRICS) as Metric[]).map((metric) => (
        <button
          key={metric}
          type="button"
          role="radio"
          aria-checked={value === metric}
          onClick={() => onChange(metric)}
          className={cn(
            "rounded-md px-2.5 py-1 font-medium focus-visible:outline-2 focus-visible:outline-accent",
            value === metric ? "bg-surface text-fg shadow-xs" : "text-muted hover:text-fg",
          )}
        >
          {METRICS[metric].label}
        </button>
      ))}
    </div>
  );
}
