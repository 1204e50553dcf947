import { LayersIcon } from "@/components/ui/icons";

/** What MoA is, in one line, before the first run. */
export function EmptyState() {
  return (
    <div className="flex flex-col items-center gap-3 rounded-2xl border border-dashed border-line-strong px-6 py-10 text-center">
      <span className="grid h-10 w-10 place-items-center rounded-xl bg-accent/10 text-accent">
        <LayersIcon size={20} />
      </span>
      <p className="max-w-xl text-[15px] text-fg">
        <strong className="font-semibold">Mixture-of-Agents</strong>: several models answer your prompt, later layers read
        all those answers and write a better one, and a final aggregator gives the answer.
      </p>
      <p className="text-sm text-muted">Write a prompt and press Run to watch every agent stream side by side.</p>
    </div>
  );
}
