import type { Usage } from "./events";

export const emptyUsage = (): Usage => ({ inputTokens: 0, outputTokens: 0 });

/** Adds `part` into `sum` in place; reasoning tokens appear in the sum only once some part had them. */
export function addUsage(sum: Usage, part: Usage): Usage {
  sum.inputTokens += part.inputTokens;
  sum.outputTokens += part.outputTokens;
  if (part.reasoningTokens) sum.reasoningTokens = (sum.reasoningTokens ?? 0) + part.reasoningTokens;
  return sum;
}
