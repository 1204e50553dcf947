"use client";

import { useEffect, useMemo } from "react";
import { validateBoard, type BoardValidation, type Reachability } from "./board-validate";
import type { Board } from "./board-ops";
import { useModelsStore } from "./models";
import { useSettingsStore } from "./settings-store";

/**
 * The board's validation as the Run button must see it: shape and ranges, and also whether
 * each model's provider is reachable with the server's keys or the ones pasted here. A model
 * the server cannot call must not read "Ready to run" only to fail after Run.
 */
export function useBoardValidation(layers: Board["layers"]): BoardValidation {
  const status = useModelsStore((s) => s.status);
  const providers = useModelsStore((s) => s.providers);
  const load = useModelsStore((s) => s.load);
  const keys = useSettingsStore((s) => s.keys);
  useEffect(() => {
    if (status === "idle") void load();
  }, [status, load]);
  return useMemo(() => {
    const reach: Reachability | undefined = status === "ready" ? { providers, keys } : undefined;
    return validateBoard({ layers }, reach);
  }, [layers, status, providers, keys]);
}
