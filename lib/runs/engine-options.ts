import "server-only";
import type { EngineTimeouts } from "@/lib/moa/engine-deps";

function numberFromEnv(name: string): number | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return undefined;
  const value = Number(raw);
  return Number.isFinite(value) && value >= 0 ? value : undefined;
}

/** Engine timeouts, overridable by the operator (and by tests that need short ones). */
export function engineTimeoutsFromEnv(): EngineTimeouts {
  return {
    agentTimeoutMs: numberFromEnv("MOA_AGENT_TIMEOUT_MS"),
    firstTokenTimeoutMs: numberFromEnv("MOA_FIRST_TOKEN_TIMEOUT_MS"),
    stallTimeoutMs: numberFromEnv("MOA_STALL_TIMEOUT_MS"),
    maxRetries: numberFromEnv("MOA_MAX_RETRIES"),
  };
}
