"use client";

import { useEffect, useState } from "react";
import { readOwner } from "@/lib/client/owner";
import { listExperimentJobs, type ExperimentListItem } from "@/lib/client/experiments/job-client";

/** This browser's experiment jobs, newest first; a click opens one. */
export function ExperimentList({ current, onOpen, refreshKey }: { current: string | null; onOpen(id: string): void; refreshKey: string }) {
  const [items, setItems] = useState<ExperimentListItem[]>([]);
  useEffect(() => {
    let live = true;
    listExperimentJobs(readOwner()).then(
      (list) => live && setItems(list),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [refreshKey]);
  if (items.length === 0) return null;
  return (
    <nav aria-label="Your experiments" className="flex flex-wrap items-center gap-2 text-xs">
      <span className="text-muted">Your experiments:</span>
      {items.slice(0, 12).map((item) => (
        <button
          key={item.id}
          type="button"
          onClick={() => onOpen(item.id)}
          aria-current={item.id === current ? "true" : undefined}
          className="rounded-md border border-line px-2 py-0.5 hover:bg-subtle aria-[current=true]:border-accent"
        >
          {item.name} · {item.status}
        </button>
      ))}
    </nav>
  );
}
