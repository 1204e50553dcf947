"use client";

import { useMemo } from "react";
import { boardToConfig, useBoardHydrated, useBoardStore, validateBoard } from "@/lib/client/board-store";
import { deriveVariants, methodVariants } from "@/lib/experiments/variants";
import type { VariantSpec } from "@/lib/experiments/types";
import { lookupModel } from "@/lib/providers/catalog";

export interface BoardVariants {
  hydrated: boolean;
  /** Why the board cannot run, when it cannot. */
  problem?: string;
  variants: VariantSpec[];
}

/** The variants of the board as it is in the playground (read from the same persisted store). */
export function useBoardVariants(): BoardVariants {
  const hydrated = useBoardHydrated();
  const layers = useBoardStore((s) => s.layers);
  return useMemo(() => {
    const validation = validateBoard({ layers });
    if (!validation.ok) return { hydrated, problem: validation.summary || "The board is not ready to run.", variants: [] };
    try {
      const config = boardToConfig({ layers });
      return { hydrated, variants: [...deriveVariants(config, lookupModel), ...methodVariants(config, lookupModel)] };
    } catch (error) {
      return { hydrated, problem: error instanceof Error ? error.message : "The board is not ready to run.", variants: [] };
    }
  }, [layers, hydrated]);
}
