/**
 * Upstream faults through the real HTTP path: createModelResolver → @ai-sdk/openai-compatible →
 * the fake OpenAI server, driven by runMoA with short timeouts (first token 1.2 s, stall 1.2 s,
 * 2 retries from 20 ms, retry delays capped at 1.5 s). Every scenario runs one faulty proposer
 * beside a healthy one, then an aggregator. Kept true by the assertions below:
 *
 * | scenario                  | kind           | agent-failed message                                                               | upstream requests |
 * |---------------------------|----------------|------------------------------------------------------------------------------------|-------------------|
 * | HTTP 500                  | server_error   | compat had a server error (HTTP 500) after 3 attempts                              | 3                 |
 * | HTTP 503                  | server_error   | compat had a server error (HTTP 503) after 3 attempts                              | 3                 |
 * | 429, no Retry-After       | rate_limited   | compat is rate limiting requests (429) after 3 attempts                            | 3                 |
 * | 429, Retry-After: 7       | rate_limited   | compat is rate limiting requests (429); try again in 7 s  (over the cap: no wait)  | 1                 |
 * | 429 once, Retry-After: 1  | (recovers)     | agent-retry waits exactly 1000 ms, then the agent finishes                         | 2                 |
 * | 401                       | auth           | compat rejected the API key (401)  (never retried)                                 | 1                 |
 * | connection refused        | network        | could not reach compat: connection refused (ECONNREFUSED) after 3 attempts         | 0 (closed port)   |
 * | hang before first byte    | timeout        | compat:<m> timed out after 1.2 s waiting for the first token; request closed      | 1                 |
 * | stall mid-stream          | timeout        | compat:<m> stalled: nothing for 1.2 s mid-answer; partial text kept; closed       | 1                 |
 * | dropped mid-stream        | network        | lost the connection to compat: it closed the connection before the answer …       | 1                 |
 * | malformed SSE             | network        | compat sent a malformed stream; partial text kept                                  | 1                 |
 * | empty completion          | empty          | compat:<m> returned an empty answer                                                | 1                 |
 * | context length (400)      | context_length | compat:<m>: the conversation is longer than the model's context window (HTTP 400)  | 1                 |
 * | both proposers fail       | run-failed     | Layer 1: all 2 agents failed (first: …)                                            | –                 |
 *
 * In every single-fault row the run ends with run-finished, the healthy proposer's full text is
 * kept, and the aggregator's prompt holds exactly one answer (the healthy one), none of the
 * faulty one's partial text.
 */
import { createServer } from "node:net";
import type { LanguageModel } from "ai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeOpenAI, type FakeBehaviour, type FakeOpenAI } from "../../fixtures/fake-openai-server";
import { agentEvent, collectRun, compatResolver, FAST_TIMING, ofType, twoLayers, waitFor } from "./moa-harness";

const LONG = "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu";

interface Scenario {
  name: string;
  behaviour: FakeBehaviour;
  kind: string;
  message: string | RegExp;
  requests: number;
  partialText?: string;
  /** Upper bound from agent-started to agent-failed. */
  maxMs: number;
  /** The engine must have closed the upstream request itself. */
  closedByUs?: boolean;
}

const SCENARIOS: Scenario[] = [
  { name: "e500", behaviour: { failWith: { status: 500 } }, kind: "server_error", message: "compat had a server error (HTTP 500) after 3 attempts", requests: 3, maxMs: 2_500 },
  { name: "e503", behaviour: { failWith: { status: 503 } }, kind: "server_error", message: "compat had a server error (HTTP 503) after 3 attempts", requests: 3, maxMs: 2_500 },
  { name: "r429", behaviour: { failWith: { status: 429 } }, kind: "rate_limited", message: "compat is rate limiting requests (429) after 3 attempts", requests: 3, maxMs: 2_500 },
  {
    name: "r429-later",
    behaviour: { failWith: { status: 429, headers: { "retry-after": "7" } } },
    kind: "rate_limited",
    message: "compat is rate limiting requests (429); try again in 7 s",
    requests: 1,
    maxMs: 1_500,
  },
  { name: "e401", behaviour: { failWith: { status: 401 } }, kind: "auth", message: "compat rejected the API key (401)", requests: 1, maxMs: 1_500 },
  {
    name: "hang",
    behaviour: { hangBeforeFirstByte: true },
    kind: "timeout",
    message: "compat:bad-hang timed out after 1.2 s waiting for the first token",
    requests: 1,
    maxMs: 1_200 + 1_000,
    closedByUs: true,
  },
  {
    name: "stall",
    behaviour: { text: LONG, stallAfterTokens: 3 },
    kind: "timeout",
    message: "compat:bad-stall stalled: nothing for 1.2 s mid-answer",
    requests: 1,
    partialText: "alpha beta gamma",
    maxMs: 1_200 + 1_000,
    closedByUs: true,
  },
  {
    name: "drop",
    behaviour: { text: LONG, dropAfterTokens: 3 },
    kind: "network",
    message: /^lost the connection to compat: it closed the connection before the answer was complete \(\w+\)$/,
    requests: 1,
    partialText: "alpha beta gamma",
    maxMs: 1_500,
  },
  { name: "junk", behaviour: { text: LONG, malformedSse: true }, kind: "network", message: "compat sent a malformed stream", requests: 1, partialText: "alpha", maxMs: 1_500 },
  { name: "empty", behaviour: { emptyCompletion: true }, kind: "empty", message: "compat:bad-empty returned an empty answer", requests: 1, maxMs: 1_500 },
  {
    name: "ctx",
    behaviour: { failWith: { status: 400 } },
    kind: "context_length",
    message: "compat:bad-ctx: the conversation is longer than the model's context window (HTTP 400)",
    requests: 1,
    maxMs: 1_500,
  },
];

let fake: FakeOpenAI;
let viaFake: (id: string) => LanguageModel;
let viaClosedPort: (id: string) => LanguageModel;

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

beforeAll(async () => {
  fake = await startFakeOpenAI({ defaultBehaviour: { ttftMs: 5, tokensPerSecond: 1_000 } });
  viaFake = compatResolver(fake.baseUrl);
  viaClosedPort = compatResolver(`http://127.0.0.1:${await closedPort()}/v1`);
  // Loads the provider's lazily imported code, so the first scenario is not timed on a cold start.
  fake.setBehaviour("warm-up", {});
  await collectRun({ layers: [{ agents: [{ model: "compat:warm-up" }] }] }, viaFake);
});

afterAll(async () => {
  await fake.close();
});

const healthyText = (name: string) => `Healthy answer for ${name}: layers refine each other.`;
const requestsFor = (model: string) => fake.requests.filter((r) => r.model === model);

function setUp(name: string, faulty: FakeBehaviour) {
  fake.setBehaviour(`good-${name}`, { text: healthyText(name) });
  fake.setBehaviour(`bad-${name}`, faulty);
  fake.setBehaviour(`agg-${name}`, { text: `Aggregated answer for ${name}.` });
  return twoLayers([`compat:good-${name}`, `compat:bad-${name}`], `compat:agg-${name}`);
}

/** The system message the aggregator was sent: the numbered answers of layer 1. */
function aggregatorPrompt(name: string): string {
  const [request] = requestsFor(`agg-${name}`);
  const system = request?.body?.messages?.find((m) => m.role === "system")?.content;
  return typeof system === "string" ? system : "";
}

describe("one faulty proposer beside a healthy one", () => {
  it.each(SCENARIOS.map((s) => [s.name, s] as const))("%s", async (name, scenario) => {
    const { events } = await collectRun(setUp(name, scenario.behaviour), viaFake);

    const failed = agentEvent(events, "agent-failed", 0, 1);
    expect(failed, `no agent-failed for ${name}`).toBeDefined();
    expect(failed!.kind).toBe(scenario.kind);
    if (typeof scenario.message === "string") expect(failed!.message).toBe(scenario.message);
    else expect(failed!.message).toMatch(scenario.message);
    expect(failed!.partialText).toBe(scenario.partialText ?? "");
    expect(requestsFor(`bad-${name}`)).toHaveLength(scenario.requests);

    const startedAt = agentEvent(events, "agent-started", 0, 1)!.t;
    expect(failed!.t - startedAt).toBeLessThan(scenario.maxMs);
    if (scenario.kind === "timeout") expect(failed!.t - startedAt).toBeGreaterThanOrEqual(FAST_TIMING.firstTokenTimeoutMs - 50);
    if (scenario.closedByUs) {
      // The timeout must abort the HTTP request, not just stop reading it.
      await waitFor(() => requestsFor(`bad-${name}`).every((r) => r.closedAt !== undefined), 500);
      expect(requestsFor(`bad-${name}`).every((r) => r.closedByClient)).toBe(true);
    }

    expect(agentEvent(events, "agent-finished", 0, 0)?.text).toBe(healthyText(name));
    expect(ofType(events, "layer-finished")[0]).toMatchObject({ succeeded: 1, failed: 1, skipped: 0 });
    const prompt = aggregatorPrompt(name);
    expect(prompt).toContain("Answers (1):");
    expect(prompt).toContain(healthyText(name));
    expect(prompt).not.toContain("alpha");
    expect(events.at(-1)).toMatchObject({ type: "run-finished", text: `Aggregated answer for ${name}.` });
  });

  it("connection refused: retried, then a message that says the server could not be reached", async () => {
    const config = setUp("refused", {});
    const resolve = (id: string) => (id === "compat:bad-refused" ? viaClosedPort(id) : viaFake(id));
    const { events } = await collectRun(config, resolve);

    const failed = agentEvent(events, "agent-failed", 0, 1)!;
    expect(failed).toMatchObject({ kind: "network", message: "could not reach compat: connection refused (ECONNREFUSED) after 3 attempts" });
    expect(ofType(events, "agent-retry")).toHaveLength(2);
    expect(agentEvent(events, "agent-finished", 0, 0)?.text).toBe(healthyText("refused"));
    expect(aggregatorPrompt("refused")).toContain("Answers (1):");
    expect(events.at(-1)?.type).toBe("run-finished");
  });

  it("429 with a short Retry-After: waits exactly that long, then the agent answers", async () => {
    const config = setUp("r429-soon", { failWith: { status: 429, headers: { "retry-after": "1" } }, failTimes: 1, text: "Second try worked." });
    const { events } = await collectRun(config, viaFake);

    expect(ofType(events, "agent-retry")).toEqual([expect.objectContaining({ agent: 1, attempt: 1, delayMs: 1_000 })]);
    const [first, second] = requestsFor("bad-r429-soon");
    expect(second.startedAt - first.startedAt).toBeGreaterThanOrEqual(950);
    expect(agentEvent(events, "agent-finished", 0, 1)?.text).toBe("Second try worked.");
    expect(aggregatorPrompt("r429-soon")).toContain("Answers (2):");
    expect(events.at(-1)?.type).toBe("run-finished");
  });
});

describe("a layer where every proposer fails", () => {
  it("ends the run with run-failed naming the layer and the first failure", async () => {
    fake.setBehaviour("dead-a", { failWith: { status: 401 } });
    fake.setBehaviour("dead-b", { emptyCompletion: true });
    const { events } = await collectRun(twoLayers(["compat:dead-a", "compat:dead-b"], "compat:agg-never"), viaFake);

    const last = events.at(-1)!;
    expect(last.type).toBe("run-failed");
    expect(last).toHaveProperty("message", expect.stringMatching(/^Layer 1: all 2 agents failed \(first: (compat rejected the API key \(401\)|compat:dead-b returned an empty answer)\)$/));
    expect(requestsFor("agg-never")).toHaveLength(0);
  });
});
