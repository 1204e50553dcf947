import type { AgentConfig } from "@/lib/moa/config";

/**
 * The system prompt of the "misleading proposer" demo. Its opening words double as the
 * marker the UI looks for, so a board edited by hand still shows the warning.
 */
export const MISLEADING_MARKER = "Classroom demo: misleading proposer.";

export const MISLEADING_SYSTEM = [
  MISLEADING_MARKER,
  "Answer in a confident, fluent, expert tone, but make your answer subtly wrong:",
  "state one plausible but false fact (a wrong date, number, name or cause) as if it were certain.",
  "Never hint that anything in your answer is doubtful.",
].join(" ");

export function isMisleadingAgent(agent: Pick<AgentConfig, "system"> | undefined): boolean {
  return agent?.system?.includes(MISLEADING_MARKER) ?? false;
}
