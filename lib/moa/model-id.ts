/** Provider part of a model id: `openai` for `openai:gpt-4o`. Kept free of zod so the browser can use it cheaply. */
export function providerOf(modelId: string): string {
  return modelId.slice(0, modelId.indexOf(":"));
}

/** `850 ms`, `2 s`, `1.5 s`. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const seconds = ms / 1000;
  return `${Number.isInteger(seconds) ? seconds : seconds.toFixed(1)} s`;
}
