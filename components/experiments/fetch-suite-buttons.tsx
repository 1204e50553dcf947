"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { fetchSuiteFile, type FetchedSuiteFile } from "@/lib/client/experiments/suite-client";
import { SUITE_SOURCES } from "@/lib/suites/sources";
import type { SuiteKind } from "@/lib/suites/types";

/** One button per benchmark: the server fetches its published file on request; nothing of it is kept in the app. */
export function FetchSuiteButtons({ onFetched, disabled }: { onFetched(file: FetchedSuiteFile): void; disabled?: boolean }) {
  const [busy, setBusy] = useState<SuiteKind | null>(null);
  const [error, setError] = useState<string | null>(null);

  const fetchOne = (kind: SuiteKind) => {
    setBusy(kind);
    setError(null);
    fetchSuiteFile(kind)
      .then(onFetched, (e: unknown) => setError(e instanceof Error ? e.message : "The suite could not be fetched."))
      .finally(() => setBusy(null));
  };

  return (
    <div className="flex flex-col gap-1">
      <fieldset className="m-0 flex min-w-0 flex-wrap items-center gap-2 border-0 p-0 text-xs" aria-label="Fetch a benchmark from its public source">
        <span className="text-muted">Fetch from the public source:</span>
        {SUITE_SOURCES.map((s) => (
          <Button key={s.kind} size="sm" onClick={() => fetchOne(s.kind)} disabled={disabled || busy !== null} title={`${s.what}: ${s.url}`}>
            {busy === s.kind ? `Fetching ${s.label}…` : s.label}
          </Button>
        ))}
      </fieldset>
      {error && (
        <p role="alert" className="text-xs text-red-700 dark:text-red-300">
          {error}
        </p>
      )}
    </div>
  );
}
