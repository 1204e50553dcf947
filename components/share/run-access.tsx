"use client";

import { createContext, useContext } from "react";
import type { RunAccess } from "@/lib/client/run-client";

/**
 * Whether the run on screen belongs to this browser. The playground only shows its own runs
 * (the default); a share page sets what the server said, so a viewer sees no control that
 * the server would refuse.
 */
const RunAccessContext = createContext<RunAccess>("owner");

export const RunAccessProvider = RunAccessContext.Provider;

export function useRunAccess(): RunAccess {
  return useContext(RunAccessContext);
}
