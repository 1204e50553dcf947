"use client";

import { useId } from "react";
import { cn } from "@/components/ui/cn";
import { paramRows, SKILLS } from "./param-rows";

const pct = (n: number) => `${Math.round(n * 100)}%`;

/** Every simulated model's visible parameters; the ones this run used are marked. */
export function SimParamsTable({ usedIds }: { usedIds: readonly string[] }) {
  const rows = paramRows(usedIds);
  const captionId = useId();
  return (
    <div className="w-fit max-w-full overflow-x-auto rounded-lg border border-line">
      <table className="w-max min-w-[40rem] border-collapse text-xs" aria-labelledby={captionId}>
        <caption id={captionId} className="sr-only">
          Parameters of the simulated models
        </caption>
        <thead className="bg-subtle/70 text-muted">
          <tr>
            <th scope="col" className="px-3 py-1.5 text-left font-medium">Model</th>
            <th scope="col" className="px-3 py-1.5 text-left font-medium">Role</th>
            {SKILLS.map((s) => (
              <th key={s.key} scope="col" className="px-3 py-1.5 text-right font-medium">{s.label}</th>
            ))}
            <th scope="col" className="px-3 py-1.5 text-left font-medium">Style</th>
            <th scope="col" className="px-3 py-1.5 text-right font-medium">Speed</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} className={cn("border-t border-line", row.used && "bg-accent/5")}>
              <th scope="row" className="px-3 py-1 text-left font-medium whitespace-nowrap">
                {row.name}
                {row.used && <span className="ml-1.5 rounded bg-accent/15 px-1 text-[10px] font-normal text-accent">in this run</span>}
              </th>
              <td className="px-3 py-1 text-muted">{row.profile.role}</td>
              {SKILLS.map((s) => (
                <td key={s.key} className={cn("px-3 py-1 text-right tabular-nums", row.changed.has(s.key) && "font-semibold text-violet-700 dark:text-violet-300")}>
                  {row.profile.role === "failure" ? "—" : pct(row.skill[s.key])}
                </td>
              ))}
              <td className="px-3 py-1 text-muted">{row.profile.style}</td>
              <td className="px-3 py-1 text-right whitespace-nowrap tabular-nums text-muted">
                {row.profile.tokensPerSecond} tok/s, first after {(row.profile.ttftMs / 1000).toFixed(row.profile.ttftMs < 1000 ? 2 : 1)} s
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
