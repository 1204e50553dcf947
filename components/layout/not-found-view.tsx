"use client";

import { useState } from "react";
import { AppHeader } from "./app-header";

/** A 404 inside the app: the usual header, what went wrong, and the ways on. */
export function NotFoundView({ title, children }: { title: string; children: React.ReactNode }) {
  const [helpOpen, setHelpOpen] = useState(false);
  return (
    <div className="min-h-dvh">
      <AppHeader helpOpen={helpOpen} onHelpOpenChange={setHelpOpen} />
      <main className="mx-auto flex max-w-xl flex-col items-start gap-3 px-4 py-16 sm:px-6">
        <p className="text-xs font-semibold tracking-wide text-muted uppercase">404 · not found</p>
        <h1 className="text-xl font-semibold">{title}</h1>
        <div className="text-sm text-muted">{children}</div>
        <div className="mt-2 flex flex-wrap gap-2">
          <a
            href="/"
            className="inline-flex h-9 items-center rounded-lg bg-accent px-3.5 text-sm font-medium text-white shadow-sm hover:bg-accent-strong focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent"
          >
            Go to the playground
          </a>
        </div>
      </main>
    </div>
  );
}
