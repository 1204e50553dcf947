import type { AgentStatus } from "@/lib/moa/run-state";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";

/**
 * One look per agent state, shared by columns and graph nodes: colour and a word. Nothing here
 * animates: with 16 agents, a pulsing dot each kept the main thread restyling every frame, and
 * a streaming agent's growing text already shows that it is alive.
 */
export const STATUS_META: Record<AgentStatus, { label: string; tone: BadgeTone; dot: string; ring: string }> = {
  waiting: { label: "waiting", tone: "neutral", dot: "bg-zinc-400 dark:bg-zinc-500", ring: "border-line" },
  thinking: { label: "thinking", tone: "warning", dot: "bg-amber-500", ring: "border-amber-400/70" },
  streaming: { label: "streaming", tone: "accent", dot: "bg-accent", ring: "border-accent/70" },
  done: { label: "done", tone: "success", dot: "bg-emerald-500", ring: "border-emerald-500/60" },
  failed: { label: "failed", tone: "danger", dot: "bg-red-500", ring: "border-red-500/70" },
  skipped: { label: "skipped", tone: "neutral", dot: "bg-zinc-400", ring: "border-dashed border-zinc-400/70" },
  stopped: { label: "stopped", tone: "warning", dot: "bg-zinc-500", ring: "border-zinc-400/70" },
};

/** `labelClassName` lets a tight header keep the dot and hide the word (it stays readable to screen readers). */
export function StatusBadge({ status, className, labelClassName }: { status: AgentStatus; className?: string; labelClassName?: string }) {
  const meta = STATUS_META[status];
  return (
    <Badge tone={meta.tone} className={className} title={meta.label}>
      <span aria-hidden="true" className={cn("h-1.5 w-1.5 rounded-full", meta.dot)} />
      <span className={labelClassName}>{meta.label}</span>
    </Badge>
  );
}
