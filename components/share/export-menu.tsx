"use client";

import { useEffect, useRef } from "react";

/** Downloads of a run: the full JSON record (re-importable) and a Markdown report. */
export function ExportMenu({ runId }: { runId: string }) {
  const ref = useRef<HTMLDetailsElement>(null);
  const base = `/api/runs/${encodeURIComponent(runId)}/export`;

  useEffect(() => {
    const close = (event: MouseEvent) => {
      if (ref.current?.open && !ref.current.contains(event.target as Node)) ref.current.open = false;
    };
    document.addEventListener("click", close);
    return () => document.removeEventListener("click", close);
  }, []);

  const item = "block rounded px-2.5 py-1.5 text-xs whitespace-nowrap hover:bg-subtle focus-visible:outline-2 focus-visible:outline-accent";
  return (
    <details ref={ref} className="relative">
      <summary className="inline-flex h-7 cursor-pointer list-none items-center rounded-md border border-line bg-surface px-2.5 text-xs font-medium shadow-xs hover:bg-subtle focus-visible:outline-2 focus-visible:outline-accent">
        Export
      </summary>
      <div className="absolute right-0 z-50 mt-1 flex flex-col rounded-lg border border-line bg-surface p-1 shadow-lg">
        <a className={item} href={`${base}?format=json`} download>
          Export JSON
        </a>
        <a className={item} href={`${base}?format=md`} download>
          Export Markdown
        </a>
      </div>
    </details>
  );
}
