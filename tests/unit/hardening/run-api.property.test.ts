/**
 * POST /api/runs against random and adversarial bodies: it never answers 500 or throws; a
 * valid body gets 201, anything else a 400 whose message names the field at fault.
 * Also the id-taking routes with unknown and malformed ids, live replay, and cancel-after-end.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { LIMITS } from "@/lib/moa/limits";
import { readSse } from "../../integration/hardening/sse-reader";
import { deepJson, FAST_SIM, mutation, validBody, type Body } from "./run-body-arbitraries";

type Handler = (request: Request, context: { params: Promise<{ id: string }> }) => Promise<Response>;
let postRun: (request: Request) => Promise<Response>;
let getRun: Handler;
let getEvents: Handler;
let cancelRun: Handler;
let continueRun: Handler;
let exportRun: Handler;
let importRun: (request: Request) => Promise<Response>;
let cases = 0;

beforeAll(async () => {
  vi.stubEnv("MOA_STORE", "memory");
  vi.stubEnv("MOA_RATE_LIMIT_PER_MIN", "0");
  vi.stubEnv("MOA_MAX_CONCURRENT_RUNS", "0");
  vi.stubEnv("MOA_ACCESS_TOKEN", "");
  postRun = (await import("@/app/api/runs/route")).POST;
  getRun = (await import("@/app/api/runs/[id]/route")).GET;
  getEvents = (await import("@/app/api/runs/[id]/events/route")).GET;
  cancelRun = (await import("@/app/api/runs/[id]/cancel/route")).POST;
  continueRun = (await import("@/app/api/runs/[id]/continue/route")).POST;
  exportRun = (await import("@/app/api/runs/[id]/export/route")).GET;
  importRun = (await import("@/app/api/runs/import/route")).POST;
});

afterAll(() => {
  vi.unstubAllEnvs();
  console.log(`run-api property tests: ${cases} cases`);
});

interface Answer {
  status: number;
  json: { id?: string; owner?: string; error?: { code: string; message: string } };
}

async function post(text: string | undefined, headers: Record<string, string> = {}): Promise<Answer> {
  cases++;
  const response = await postRun(new Request("http://test/api/runs", { method: "POST", body: text, headers }));
  return { status: response.status, json: (await response.json()) as Answer["json"] };
}

const ctx = (id: string) => ({ params: Promise.resolve({ id }) });

// First, while no other run competes for the event loop: the live test measures arrival times.
describe("routes that take a run id", () => {
  const routes: Array<[string, () => Handler, string]> = [
    ["GET /api/runs/{id}", () => getRun, "GET"],
    ["GET /api/runs/{id}/events", () => getEvents, "GET"],
    ["POST /api/runs/{id}/cancel", () => cancelRun, "POST"],
    ["POST /api/runs/{id}/continue", () => continueRun, "POST"],
    ["GET /api/runs/{id}/export", () => exportRun, "GET"],
  ];
  const malformed = fc.oneof(
    fc.string({ maxLength: 60 }),
    fc.constantFrom("", "../../etc/passwd", "%00", "__proto__", "constructor", "a".repeat(23), "a".repeat(25), "a".repeat(10_000), "id with spaces 000000000"),
  );
  const unknown = fc.stringMatching(/^[A-Za-z0-9_-]{24}$/);

  it.each(routes)("%s answers 404 for unknown and malformed ids", async (_, handler, method) => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(malformed, unknown), async (id) => {
        cases++;
        const response = await handler()(new Request(`http://test/api/runs/x`, { method }), ctx(id));
        expect(response.status).toBe(404);
        expect(await response.json()).toEqual({ error: { code: "not_found:run", message: "No run has this id." } });
      }),
      { numRuns: 200 },
    );
  });

  it("streams a run that is still going live, then cancel finds it ended (409)", async () => {
    const slow = "sim:falcon?ttft=0&tps=25&tokens=15";
    const { status, json } = await post(JSON.stringify({ config: { layers: [{ agents: [{ model: slow }] }] }, messages: [{ role: "user", content: "hi" }] }));
    expect(status).toBe(201);
    const id = json.id!;

    const response = await getEvents(new Request(`http://test/api/runs/${id}/events`), ctx(id));
    expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
    const { events, arrivals } = await readSse(response);
    // Live, not a snapshot: the deltas arrive over the ~600 ms the model takes, ending with the terminal event.
    expect(events[0].type).toBe("run-started");
    // A busy machine may merge words into fewer deltas, but never into one read.
    const deltas = events.filter((e) => e.type === "agent-delta");
    expect(new Set(arrivals).size).toBeGreaterThan(2);
    expect(deltas.map((e) => e.text).join("").split(" ").length).toBe(15);
    expect(arrivals.at(-1)! - arrivals[0]).toBeGreaterThan(300);
    expect(events.at(-1)?.type).toBe("run-finished");

    cases++;
    const cancel = await cancelRun(new Request(`http://test/api/runs/${id}/cancel`, { method: "POST", headers: { "x-moa-owner": json.owner! } }), ctx(id));
    expect(cancel.status).toBe(409);
    expect(await cancel.json()).toEqual({
      error: { code: "conflict:run_ended", message: "This run has already ended (finished); there is nothing to cancel." },
    });
  });
});

describe("POST /api/runs", () => {
  it("accepts every valid body with 201 and a run id", async () => {
    await fc.assert(
      fc.asyncProperty(validBody, async (body) => {
        const { status, json } = await post(JSON.stringify(body));
        expect(status, JSON.stringify(json)).toBe(201);
        expect(json.id).toMatch(/^[A-Za-z0-9_-]{24}$/);
      }),
      { numRuns: 200 },
    );
  });

  it("answers one broken field with a 400 that names its path", async () => {
    await fc.assert(
      fc.asyncProperty(validBody, mutation, async (body, { make }) => {
        const broken = structuredClone(body) as Body;
        const change = make(broken);
        change.apply(broken);
        const { status, json } = await post(JSON.stringify(broken));
        expect(status, JSON.stringify(json)).toBe(400);
        expect(json.error?.code).toMatch(/^bad_request:/);
        expect(json.error?.message).toMatch(namesPath(change.path));
      }),
      { numRuns: 1_000 },
    );
  });

  it("never fails with a 500 on arbitrary JSON", async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 6 }), async (value) => {
        const { status, json } = await post(JSON.stringify(value));
        expect([201, 400]).toContain(status);
        if (status === 400) expect(json.error?.message).toMatch(/\S/);
      }),
      { numRuns: 600 },
    );
  });

  it("answers raw text that is not JSON with 400", async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: "binary", maxLength: 200 }).filter((s) => !isJson(s)), async (text) => {
        const { status, json } = await post(text);
        expect(status).toBe(400);
        expect(json.error?.message).toMatch(/^The request body (is empty|is not valid JSON)/);
      }),
      { numRuns: 200 },
    );
  });

  it("ignores prototype-pollution keys: the run starts and nothing is polluted", async () => {
    const poison = `"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},`;
    await fc.assert(
      fc.asyncProperty(validBody, async (body) => {
        const text = JSON.stringify(body).replace(/\{"(config|layers|agents|model)"/g, `{${poison}"$1"`);
        const { status, json } = await post(text);
        expect(status, JSON.stringify(json)).toBe(201);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        expect(Object.prototype).not.toHaveProperty("polluted");
      }),
      { numRuns: 150 },
    );
  });

  it("POST /api/runs/import never fails with a 500 on arbitrary JSON", async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 6 }), async (value) => {
        cases++;
        const response = await importRun(new Request("http://test/api/runs/import", { method: "POST", body: JSON.stringify(value) }));
        expect(response.status).toBe(400);
        expect(((await response.json()) as Answer["json"]).error?.message).toMatch(/\S/);
      }),
      { numRuns: 300 },
    );
  });

  it.each([
    ["an empty body", undefined, "The request body is empty; send JSON."],
    ["a blank body", " \n\t ", "The request body is empty; send JSON."],
    ["a body over 1 MB", JSON.stringify({ config: {}, messages: [{ role: "user", content: "x".repeat(1_000_001) }] }), "The request body is larger than 977 KB."],
    ["a body over 1 MB of multibyte text", `"${"é".repeat(600_000)}"`, "The request body is larger than 977 KB."],
    ["arrays nested 100 000 deep", deepJson(100_000, "[", "]"), undefined],
    ["objects nested 5 000 deep", `${'{"a":'.repeat(5_000)}1${"}".repeat(5_000)}`, undefined],
    ["huge numbers", JSON.stringify({ config: { layers: [{ agents: [{ model: FAST_SIM, maxTokens: 1e308 }] }] }, messages: 1e308 }), "config.layers[0].agents[0].maxTokens:"],
    ["a number beyond double range", `{"config":{"layers":[{"agents":[{"model":"${FAST_SIM}","temperature":1e999}]}]},"messages":[{"role":"user","content":"hi"}]}`, "temperature:"],
  ])("answers %s with 400", async (_, text, message) => {
    const { status, json } = await post(text);
    expect(status).toBe(400);
    if (message) expect(json.error?.message).toContain(message);
    else expect(json.error?.message).toMatch(/\S/);
  });

  it("refuses a declared Content-Length over 1 MB before reading the body", async () => {
    const { status, json } = await post("{}", { "content-length": String(2_000_000) });
    expect(status).toBe(400);
    expect(json.error?.code).toBe("bad_request:body_too_large");
  });

  it("takes the limits exactly: 8 layers, 16 agents, maxTokens 32768", async () => {
    const layers = [
      ...Array.from({ length: LIMITS.maxLayers - 1 }, () => ({ agents: Array.from({ length: LIMITS.maxAgentsPerLayer }, () => ({ model: FAST_SIM, maxTokens: LIMITS.maxTokens })) })),
      { agents: [{ model: FAST_SIM }] },
    ];
    const { status } = await post(JSON.stringify({ config: { layers }, messages: [{ role: "user", content: "hi" }] }));
    expect(status).toBe(201);
  });
});

/** The path itself, or a field below it: `config.layers[0].policy` matches `…policy.kind: …`. */
function namesPath(path: string): RegExp {
  return new RegExp(`(^|; )${path.replace(/[.[\]]/g, "\\$&")}[.:[]`);
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
