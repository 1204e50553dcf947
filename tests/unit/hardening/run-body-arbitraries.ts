import fc from "fast-check";
import { LIMITS } from "@/lib/moa/limits";

/**
 * Generators for POST /api/runs bodies. Valid ones only name models that never touch the
 * network: a fast simulator model, or providers that do not exist (they fail at once).
 */
export const FAST_SIM = "sim:falcon?ttft=0&tps=100000&tokens=3";

const unicode = fc.string({ unit: "grapheme", maxLength: 40 });
const nastyText = fc.oneof(
  { arbitrary: unicode, weight: 6 },
  {
    arbitrary: fc.constantFrom("__proto__", "constructor", "prototype", "NaN", "Infinity", "-0", "1e309", "\u0000", "\u202e", "👩‍👩‍👧‍👦", "null", "<script>"),
    weight: 3,
  },
  { arbitrary: fc.string({ minLength: 3_000, maxLength: 4_000 }), weight: 1 },
);

// Mostly providers that do not exist: those runs end at once, so thousands of them stay cheap.
const modelId = fc.oneof(
  fc.constant(FAST_SIM),
  // Unknown providers, including names that shadow Object.prototype.
  fc.constantFrom("constructor:x", "prototype:x", "valueof:y", "hasownproperty:z"),
  fc.tuple(fc.stringMatching(/^[a-z][a-z0-9-]{0,10}$/), fc.string({ unit: "grapheme-ascii", minLength: 1, maxLength: 30 })).map(
    ([provider, model]) => `x-${provider}:${model.replace(/^\s+/, "") || "m"}`,
  ),
);

const agent = fc.record(
  {
    model: modelId,
    temperature: fc.double({ min: 0, max: 2, noNaN: true }),
    maxTokens: fc.integer({ min: 1, max: LIMITS.maxTokens }),
    system: nastyText,
  },
  { requiredKeys: ["model"] },
);

const layer = (maxAgents: number) =>
  fc.array(agent, { minLength: 1, maxLength: maxAgents }).chain((agents) =>
    fc.record(
      {
        agents: fc.constant(agents),
        synthesisPrompt: nastyText,
        policy: fc.oneof(
          fc.constant({ kind: "all" }),
          fc.integer({ min: 1, max: agents.length }).map((k) => ({ kind: "quorum", k })),
          fc.integer({ min: 0, max: 600_000 }).map((ms) => ({ kind: "deadline", ms })),
        ),
      },
      { requiredKeys: ["agents"] },
    ),
  );

export const validConfig = fc
  // Small layers keep the runs cheap; the exact limits have their own example test.
  .tuple(fc.array(layer(4), { maxLength: LIMITS.maxLayers - 1 }), layer(1))
  .map(([early, last]) => ({ layers: [...early, last] }));

const message = (role: "system" | "user" | "assistant") => fc.record({ role: fc.constant(role), content: nastyText });

export const validMessages = fc
  .tuple(fc.array(fc.oneof(message("system"), message("user"), message("assistant")), { maxLength: 6 }), unicode)
  .map(([earlier, prompt]) => [...earlier, { role: "user", content: `Q ${prompt}` }]);

export const validBody = fc.record(
  {
    config: validConfig,
    messages: validMessages,
    keys: fc.record({ openai: fc.constant("sk-test-not-used"), compat: fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim() !== "") }, { requiredKeys: [] }),
    owner: fc.string({ minLength: 32, maxLength: 200 }),
    preset: fc.string({ maxLength: 80 }),
  },
  { requiredKeys: ["config", "messages"] },
);

export type Body = { config: { layers: Array<{ agents: Array<Record<string, unknown>>; policy?: unknown }> }; messages: unknown[] } & Record<string, unknown>;

/** One change that makes a valid body invalid, and the field path the 400 must name. */
export interface Mutation {
  path: string;
  apply(body: Body): void;
}

const badNumber = fc.constantFrom<unknown>(-1, 0, 1.5, -0.5, 1e308, -1e308, 2 ** 53 + 2, LIMITS.maxTokens + 1, "NaN", "12", "Infinity", null, true, [], {});
const badTemperature = fc.constantFrom<unknown>(-0.01, 2.01, 1e308, "0.5", "NaN", null, false, [1], { value: 1 });
const badModel = fc.oneof(
  fc.constantFrom<unknown>("", "nocolon", "Upper:x", "a: b", ":x", "__proto__", "constructor", 42, null, ["sim:falcon"], { model: "sim:falcon" }),
  fc.string({ minLength: 1, maxLength: 20 }).map((s) => `sim:${s}${"x".repeat(LIMITS.maxModelIdChars)}`),
);

export const mutation: fc.Arbitrary<{ make: (body: Body) => Mutation }> = fc.oneof(
  fc.constant({ make: () => ({ path: "config.layers", apply: (b: Body) => (b.config.layers = Array.from({ length: 9 }, () => ({ agents: [{ model: FAST_SIM }] }))) }) }),
  fc.constant({ make: () => ({ path: "config.layers", apply: (b: Body) => (b.config.layers = []) }) }),
  fc.constant({
    make: () => ({
      path: "config.layers[0].agents",
      apply: (b: Body) => {
        const crowd = Array.from({ length: LIMITS.maxAgentsPerLayer + 1 }, () => ({ model: FAST_SIM }));
        // Replace rather than add a layer, so that the layer count stays valid.
        if (b.config.layers.length > 1) b.config.layers[0].agents = crowd;
        else b.config.layers.unshift({ agents: crowd });
      },
    }),
  }),
  fc.constant({
    make: (b: Body) => ({ path: `config.layers[${b.config.layers.length - 1}].agents`, apply: (x: Body) => x.config.layers.at(-1)!.agents.push({ model: FAST_SIM }) }),
  }),
  ...(
    [
      ["maxTokens", badNumber],
      ["temperature", badTemperature],
      ["model", badModel],
    ] as const
  ).map(([field, values]) =>
    fc.tuple(fc.nat(), fc.nat(), values).map(([l, a, value]) => ({
      make: (b: Body) => {
        const li = l % b.config.layers.length;
        const ai = a % b.config.layers[li].agents.length;
        return { path: `config.layers[${li}].agents[${ai}].${field}`, apply: (x: Body) => void (x.config.layers[li].agents[ai][field] = value) };
      },
    })),
  ),
  fc.tuple(fc.nat(), fc.constantFrom<unknown>({ kind: "bogus" }, { kind: "deadline", ms: -1 }, { kind: "deadline", ms: 1.5 }, { kind: "quorum", k: 0 }, "all", null)).map(
    ([l, policy]) => ({
      make: (b: Body) => {
        const li = l % b.config.layers.length;
        return { path: `config.layers[${li}].policy`, apply: (x: Body) => void (x.config.layers[li].policy = policy) };
      },
    }),
  ),
  fc.constantFrom<[string, (b: Body) => void]>(
    ["messages", (b) => (b.messages = [])],
    ["messages", (b) => b.messages.push({ role: "assistant", content: "last word" })],
    ["messages", (b) => (b.messages = [{ role: "user", content: "   " }])],
    ["messages", (b) => (b.messages = Array.from({ length: LIMITS.maxMessages + 1 }, () => ({ role: "user", content: "hi" })))],
    ["messages", (b) => (b.messages = [{ role: "user", content: "x".repeat(LIMITS.maxConversationChars + 1) }])],
    ["messages", (b) => (b.messages = "hello" as unknown as unknown[])],
    ["messages[0].role", (b) => (b.messages = [{ role: "tool", content: "hi" }])],
    ["messages[0].content", (b) => (b.messages = [{ role: "user", content: 42 }])],
    ["keys.compatBaseUrl", (b) => (b.keys = { compatBaseUrl: "not a url" })],
    ["keys.openai", (b) => (b.keys = { openai: "k".repeat(501) })],
    ["keys", (b) => (b.keys = { unknownProvider: "x" })],
    ["keys", (b) => (b.keys = "sk-plain-string")],
    ["owner", (b) => (b.owner = "short")],
    ["preset", (b) => (b.preset = "p".repeat(81))],
    ["config", (b) => (b.config = null as unknown as Body["config"])],
    ["config.layers", (b) => (b.config = { layers: "three" } as unknown as Body["config"])],
  ).map(([path, apply]) => ({ make: () => ({ path, apply }) })),
);

/** Objects nested `depth` levels deep, as `{"a":{"a":…}}` text (built as text: too deep for JSON.stringify's taste). */
export function deepJson(depth: number, open: string, close: string): string {
  return `${open.repeat(depth)}${close.repeat(depth)}`;
}
