"use client";

import { AlertIcon, CheckIcon } from "@/components/ui/icons";
import { cn } from "@/components/ui/cn";
import { useBoardStore } from "@/lib/client/board-store";
import { useBoardValidation } from "@/lib/client/use-board-validation";
import { plural } from "@/lib/plural";

/** One line under the board: ready to run, or the first thing to fix (the Run button reads the same). */
export function BoardStatus() {
  const layers = useBoardStore((s) => s.layers);
  const { ok, summary, problems } = useBoardValidation(layers);
  const agents = layers.reduce((n, l) => n + l.slots.length, 0);
  const calls = `${plural(layers.length, "layer")} · ${plural(agents, "model call")} per run`;
  return (
    <p
      role="status"
      className={cn(
        "mt-4 flex flex-wrap items-center gap-x-2 gap-y-0.5 rounded-lg px-3 py-2 text-sm",
        ok
          ? "bg-emerald-50 text-emerald-800 dark:bg-emerald-950/50 dark:text-emerald-300"
          : "bg-amber-50 text-amber-900 dark:bg-amber-950/50 dark:text-amber-200",
      )}
    >
      {ok ? <CheckIcon /> : <AlertIcon />}
      <span className="font-medium whitespace-nowrap">{ok ? "Ready to run ·" : `${problems.length} to fix before running:`}</span>
      {/* A phone wraps it to its own line rather than cutting it off. */}
      <span className="min-w-0 sm:truncate">{ok ? calls : summary}</span>
    </p>
  );
}
