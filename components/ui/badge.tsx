import type { HTMLAttributes } from "react";
import { cn } from "./cn";

export type BadgeTone = "neutral" | "accent" | "success" | "warning" | "danger" | "info" | "sim";

const TONES: Record<BadgeTone, string> = {
  neutral: "border-line bg-subtle text-muted",
  accent: "border-accent/30 bg-accent/10 text-accent",
  success: "border-emerald-300/60 bg-emerald-50 text-emerald-700 dark:border-emerald-700/60 dark:bg-emerald-950/60 dark:text-emerald-300",
  warning: "border-amber-300/70 bg-amber-50 text-amber-800 dark:border-amber-700/60 dark:bg-amber-950/60 dark:text-amber-300",
  danger: "border-red-300/70 bg-red-50 text-red-700 dark:border-red-800/70 dark:bg-red-950/60 dark:text-red-300",
  info: "border-sky-300/70 bg-sky-50 text-sky-700 dark:border-sky-800/70 dark:bg-sky-950/60 dark:text-sky-300",
  sim: "border-violet-300/70 bg-violet-50 text-violet-700 dark:border-violet-800/70 dark:bg-violet-950/60 dark:text-violet-300",
};

export interface BadgeProps extends HTMLAttributes<HTMLSpanElement> {
  tone?: BadgeTone;
}

export function Badge({ tone = "neutral", className, ...props }: BadgeProps) {
  return (
    <span
      className={cn(
        "inline-flex items-center gap-1 rounded-full border px-2 py-px text-[11px] leading-4 font-medium whitespace-nowrap",
        TONES[tone],
        className,
      )}
      {...props}
    />
  );
}

/** The mark every simulated model carries, wherever it is shown. */
export function SimulatedBadge({ className, short = false }: { className?: string; short?: boolean }) {
  return (
    <Badge tone="sim" className={className} title="Simulated model: deterministic offline text, no provider is called">
      {short ? "sim" : "simulated"}
    </Badge>
  );
}
