"use client";

import { useMemo, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { SpinnerIcon } from "@/components/ui/icons";
import { isUsable, useModels } from "@/lib/client/models";
import { useSettingsStore } from "@/lib/client/settings-store";
import type { RunKeys } from "@/lib/wire/keys";
import type { ModelInfo } from "@/lib/wire/models";
import { SimGuideButton } from "@/components/sim/sim-guide-dialog";
import { SearchIcon } from "@/components/ui/board-icons";
import { PaletteItem } from "./palette-item";

const usableWith = (model: ModelInfo, keys: RunKeys) => isUsable(model, keys);

export function ModelPalette({ onPick }: { onPick: (model: string) => void }) {
  const { status, models, providers, error, load } = useModels();
  const keys = useSettingsStore((s) => s.keys);
  const [query, setQuery] = useState("");

  const groups = useMemo(() => {
    const q = query.trim().toLowerCase();
    const match = (m: ModelInfo) =>
      !q || m.name.toLowerCase().includes(q) || m.id.toLowerCase().includes(q) || m.provider.toLowerCase().includes(q);
    const order = providers.length ? providers.map((p) => p.id) : [...new Set(models.map((m) => m.provider))];
    return order
      .map((id) => ({
        id,
        provider: providers.find((p) => p.id === id),
        models: models.filter((m) => m.provider === id && match(m)),
      }))
      .filter((g) => g.models.length > 0)
      .sort((a, b) => Number(b.models.some((m) => usableWith(m, keys))) - Number(a.models.some((m) => usableWith(m, keys))));
  }, [models, providers, query, keys]);

  return (
    <div className="flex min-h-0 flex-col">
      <div className="relative mb-3">
        <SearchIcon className="pointer-events-none absolute top-1/2 left-2.5 -translate-y-1/2 text-muted" />
        <input
          type="search"
          aria-label="Search models"
          placeholder="Search models"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          className="h-9 w-full rounded-lg border border-line bg-surface pr-2 pl-8 text-sm outline-none placeholder:text-muted focus:border-accent focus:ring-2 focus:ring-accent/20"
        />
      </div>
      {(status === "loading" || status === "idle") && (
        <p className="flex items-center gap-2 p-2 text-sm text-muted" role="status">
          <SpinnerIcon /> Loading models…
        </p>
      )}
      {status === "error" && (
        <div role="alert" className="rounded-lg border border-red-300 bg-red-50 p-3 text-sm text-red-700 dark:border-red-800 dark:bg-red-950/50 dark:text-red-300">
          <p>{error}</p>
          <Button size="sm" className="mt-2" onClick={() => void load(true)}>
            Try again
          </Button>
        </div>
      )}
      {status === "ready" && groups.length === 0 && <p className="p-2 text-sm text-muted">No model matches “{query}”.</p>}
      <div className="-mr-2 min-h-0 flex-1 space-y-4 overflow-y-auto pr-2">
        {groups.map((group) => (
          <section key={group.id} aria-label={`${group.provider?.name ?? group.id} models`}>
            <h3 className="mb-1 flex items-center gap-2 px-2 text-[11px] font-semibold tracking-wider text-muted uppercase">
              {group.provider?.name ?? group.id}
              {group.provider && !group.provider.available && !(keys as Record<string, unknown>)[group.id] && (
                <Badge tone="warning" title={group.provider.reason}>
                  not configured
                </Badge>
              )}
            </h3>
            {group.provider && !group.provider.available && group.provider.reason && (
              <p className="mb-1 px-2 text-[11px] text-muted">{group.provider.reason}</p>
            )}
            {group.id === "sim" && <SimGuideButton className="mb-1 text-accent">How the simulation works</SimGuideButton>}
            <ul className="space-y-0.5">
              {group.models.map((m) => (
                <PaletteItem
                  key={m.id}
                  model={m}
                  models={models}
                  usable={usableWith(m, keys)}
                  reason={m.reason && m.reason !== group.provider?.reason ? m.reason : undefined}
                  groupReason={group.provider?.reason}
                  onPick={onPick}
                />
              ))}
            </ul>
          </section>
        ))}
      </div>
    </div>
  );
}
