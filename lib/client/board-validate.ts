import { moaConfigSchema, type MoAConfig } from "@/lib/moa/config";
import { LIMITS } from "@/lib/moa/limits";
import type { Board } from "./board-ops";

/** `layer` and `slot` are 0-based; UI labels add one. */
export type BoardProblem = { layer?: number; slot?: number; message: string };
export type BoardValidation = { ok: boolean; problems: BoardProblem[]; summary: string };

export const EMPTY_SLOT_MESSAGE = "Slot empty: drag a model here";
export const EMPTY_FINAL_MESSAGE = "The final aggregator slot is empty";

/** The config the engine receives; empty slots are dropped, so check `validateBoard` first. */
export function boardToConfig(board: Board): MoAConfig {
  return {
    layers: board.layers.map((layer) => ({
      agents: layer.slots
        .filter((s) => s.model !== null)
        .map((s) => ({
          model: s.model as string,
          ...(s.temperature !== undefined && { temperature: s.temperature }),
          ...(s.maxTokens !== undefined && { maxTokens: s.maxTokens }),
          ...(s.system ? { system: s.system } : {}),
          ...(s.reasoningEffort && { reasoningEffort: s.reasoningEffort }),
        })),
      ...(layer.synthesisPrompt ? { synthesisPrompt: layer.synthesisPrompt } : {}),
      ...(layer.policy ? { policy: layer.policy } : {}),
      ...(layer.readReasoning && { readReasoning: true }),
    })),
  };
}

/**
 * What this browser can run: the providers the server reaches with its own keys, and the keys
 * pasted in Settings. Without it (model list not loaded yet) only the board's shape is checked.
 */
export interface Reachability {
  providers: readonly { id: string; name: string; available: boolean }[];
  /** Pasted keys by provider id (`compat` also needs `compatBaseUrl`). */
  keys: Partial<Record<string, string>>;
}

/** Providers a user can unlock by pasting a key (the rest, like a local Ollama, are server-side only). */
const KEYABLE = new Set(["openai", "anthropic", "together", "groq", "openrouter", "compat"]);

function hasKey(provider: string, keys: Reachability["keys"]): boolean {
  const filled = (value: string | undefined) => Boolean(value?.trim());
  if (provider === "compat") return filled(keys.compatBaseUrl) && /^https?:\/\//i.test(keys.compatBaseUrl ?? "");
  return filled(keys[provider]);
}

/** Why a model cannot run from here, or null when it can (or when we cannot tell). */
export function unreachableReason(model: string, reach: Reachability): string | null {
  const colon = model.indexOf(":");
  if (colon <= 0) return null;
  const provider = reach.providers.find((p) => p.id === model.slice(0, colon));
  // An unknown provider is the schema's and the server's to reject, with their own words.
  if (!provider || provider.available || hasKey(provider.id, reach.keys)) return null;
  return KEYABLE.has(provider.id)
    ? `No ${provider.name} key: add one in Settings or pick another model`
    : `${provider.name} is not reachable from this server: pick another model`;
}

export function validateBoard(board: Board, reach?: Reachability): BoardValidation {
  const problems: BoardProblem[] = [];
  const finalIndex = board.layers.length - 1;

  if (board.layers.length > LIMITS.maxLayers) {
    problems.push({ message: `At most ${LIMITS.maxLayers} layers: remove ${board.layers.length - LIMITS.maxLayers}` });
  }
  board.layers.forEach((layer, l) => {
    if (layer.slots.length > LIMITS.maxAgentsPerLayer) {
      problems.push({ layer: l, message: `A layer holds at most ${LIMITS.maxAgentsPerLayer} agents` });
    }
    layer.slots.forEach((slot, s) => {
      if (slot.model !== null) return;
      problems.push({ layer: l, slot: s, message: l === finalIndex ? EMPTY_FINAL_MESSAGE : EMPTY_SLOT_MESSAGE });
    });
  });
  const emptyPositions = new Set(problems.map((p) => `${p.layer}/${p.slot}`));
  if (reach) {
    board.layers.forEach((layer, l) =>
      layer.slots.forEach((slot, s) => {
        const reason = slot.model === null ? null : unreachableReason(slot.model, reach);
        if (reason) problems.push({ layer: l, slot: s, message: reason });
      }),
    );
  }

  // The schema catches what the board rules do not: bad custom ids, ranges, quorum sizes.
  const parsed = moaConfigSchema.safeParse(boardToConfig(board));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const [, layer, field, agent] = issue.path;
      const problem: BoardProblem = { message: capitalize(issue.message) };
      if (typeof layer === "number") problem.layer = layer;
      if (field === "agents" && typeof agent === "number" && typeof layer === "number") {
        problem.slot = realSlotIndex(board, layer, agent);
      }
      // An empty slot also makes "needs one agent" / "exactly one agent" fire; one message is enough.
      if (problem.layer !== undefined && problem.slot === undefined && layerHasEmpty(emptyPositions, problem.layer)) {
        continue;
      }
      problems.push(problem);
    }
  }

  return { ok: problems.length === 0, problems, summary: summarize(problems) };
}

function layerHasEmpty(positions: Set<string>, layer: number): boolean {
  return [...positions].some((p) => p.startsWith(`${layer}/`));
}

/** Agent indexes in the config skip empty slots; map back to the slot the user sees. */
function realSlotIndex(board: Board, layer: number, agentIndex: number): number {
  let seen = -1;
  const slots = board.layers[layer]?.slots ?? [];
  for (let i = 0; i < slots.length; i++) {
    if (slots[i].model !== null) seen++;
    if (seen === agentIndex) return i;
  }
  return agentIndex;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function describeProblem(problem: BoardProblem): string {
  if (problem.layer === undefined) return problem.message;
  const where = problem.slot === undefined ? `Layer ${problem.layer + 1}` : `Layer ${problem.layer + 1} slot ${problem.slot + 1}`;
  return `${where}: ${problem.message}`;
}

function summarize(problems: BoardProblem[]): string {
  if (problems.length === 0) return "Ready to run";
  const first = describeProblem(problems[0]);
  return problems.length === 1 ? first : `${first} (and ${problems.length - 1} more)`;
}
