/**
 * Who may start what, through POST /api/runs: pasted endpoints on private networks are
 * refused, the server's own providers need the access token, and each client is held to its
 * rate and concurrency limits.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { startFakeOpenAI, type FakeOpenAI } from "../../fixtures/fake-openai-server";
import { waitFor } from "./moa-harness";
import { forgetProcessGlobal } from "@/lib/process-global";

let fake: FakeOpenAI;
let POST: (request: Request) => Promise<Response>;

const PROMPT = [{ role: "user", content: "hello" }];
const oneAgent = (model: string) => ({ layers: [{ agents: [{ model }] }] });

beforeAll(async () => {
  fake = await startFakeOpenAI({ defaultBehaviour: { ttftMs: 5, tokensPerSecond: 2_000 } });
  vi.stubEnv("MOA_STORE", "memory");
  POST = (await import("@/app/api/runs/route")).POST;
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await fake.close();
});

beforeEach(() => {
  vi.stubEnv("MOA_ALLOW_PRIVATE_ENDPOINTS", "");
  vi.stubEnv("NODE_ENV", "production");
  vi.stubEnv("MOA_ACCESS_TOKEN", "");
  vi.stubEnv("OPENAI_COMPATIBLE_BASE_URL", "");
  vi.stubEnv("MOA_RATE_LIMIT_PER_MIN", "0");
  vi.stubEnv("MOA_MAX_CONCURRENT_RUNS", "0");
  vi.stubEnv("MOA_TRUST_PROXY", "");
  resetLimiter();
});

afterEach(() => resetLimiter());

/** The limiter is a per-process singleton configured from the env on first use. */
function resetLimiter(): void {
  forgetProcessGlobal("rate-limiter");
}

async function start(body: object, headers: Record<string, string> = {}) {
  const response = await POST(new Request("http://test/api/runs", { method: "POST", body: JSON.stringify(body), headers }));
  const json = (await response.json()) as { id?: string; error?: { code: string; message: string } };
  return { status: response.status, json, headers: response.headers };
}

describe("pasted endpoints (SSRF)", () => {
  const port = () => new URL(fake.baseUrl).port;
  it.each([
    ["loopback", () => `http://127.0.0.1:${port()}/v1`, "127.0.0.1: a loopback address"],
    ["localhost by name", () => `http://localhost:${port()}/v1`, "localhost: it is this server itself"],
    ["the cloud metadata service", () => "http://169.254.169.254/latest/meta-data/", "169.254.169.254: a cloud metadata address"],
    ["IPv6 loopback", () => `http://[::1]:${port()}/v1`, "::1: a loopback address"],
    ["IPv4-mapped IPv6 loopback", () => `http://[::ffff:127.0.0.1]:${port()}/v1`, "a loopback address"],
    ["decimal-encoded loopback", () => `http://2130706433:${port()}/v1`, "127.0.0.1: a loopback address"],
    ["the unspecified address", () => `http://0.0.0.0:${port()}/v1`, "0.0.0.0:"],
    ["a private network", () => "http://10.0.0.7:8000/v1", "10.0.0.7: a private address"],
  ])("refuses %s with 400 and never contacts it", async (_, url, why) => {
    const before = fake.requests.length;
    const { status, json } = await start({ config: oneAgent("compat:m"), messages: PROMPT, keys: { compatBaseUrl: url(), compat: "sk-user-own-key" } });
    expect(status).toBe(400);
    expect(json.error?.code).toBe("bad_request:endpoint");
    expect(json.error?.message).toMatch(/^Refused .+ Only public endpoints are allowed; MOA_ALLOW_PRIVATE_ENDPOINTS=1 lifts this\.$/);
    expect(json.error?.message).toContain(why);
    expect(fake.requests.length).toBe(before);
  });

  it("lets a local endpoint through when the operator allows private endpoints", async () => {
    vi.stubEnv("MOA_ALLOW_PRIVATE_ENDPOINTS", "1");
    const { status } = await start({ config: oneAgent("compat:local-ok"), messages: PROMPT, keys: { compatBaseUrl: fake.baseUrl, compat: "sk-user-own-key" } });
    expect(status).toBe(201);
    await waitFor(() => fake.requests.some((r) => r.model === "local-ok"));
  });
});

describe("the access token", () => {
  beforeEach(() => {
    vi.stubEnv("MOA_ACCESS_TOKEN", "let-me-in-0123456789");
    vi.stubEnv("OPENAI_COMPATIBLE_BASE_URL", fake.baseUrl);
  });
  const serverRun = { config: oneAgent("compat:server-model"), messages: PROMPT };

  it("is required to run on the server's configured provider", async () => {
    const { status, json } = await start(serverRun);
    expect(status).toBe(401);
    expect(json.error).toEqual({ code: "unauthorized:access_token", message: expect.stringContaining("access token") });
    expect(fake.requests.some((r) => r.model === "server-model")).toBe(false);
  });

  it("is refused when wrong", async () => {
    expect((await start(serverRun, { authorization: "Bearer let-me-in-0123456788" })).status).toBe(401);
    expect((await start(serverRun, { authorization: "let-me-in-0123456789" })).status).toBe(401);
  });

  it("admits the run as a Bearer header or the access cookie", async () => {
    expect((await start(serverRun, { authorization: "Bearer let-me-in-0123456789" })).status).toBe(201);
    expect((await start(serverRun, { cookie: "theme=dark; moa_access=let-me-in-0123456789" })).status).toBe(201);
  });

  it("is not needed for simulated models", async () => {
    expect((await start({ config: oneAgent("sim:falcon"), messages: PROMPT })).status).toBe(201);
  });
});

describe("rate limits", () => {
  const simRun = (tokens: number) => ({ config: oneAgent(`sim:falcon?ttft=0&tps=40&tokens=${tokens}`), messages: PROMPT });

  it("answers 429 with Retry-After once a client starts more runs per minute than allowed", async () => {
    vi.stubEnv("MOA_RATE_LIMIT_PER_MIN", "2");
    expect((await start(simRun(1))).status).toBe(201);
    expect((await start(simRun(1))).status).toBe(201);
    const third = await start(simRun(1));
    expect(third.status).toBe(429);
    expect(third.json.error?.code).toBe("rate_limited:runs");
    expect(third.json.error?.message).toMatch(/^Too many runs: at most 2 per minute\. Try again in \d+ s\.$/);
    const retryAfter = Number(third.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(30);
  });

  it("answers 429 while the client's concurrent runs are going, and admits again once they end", async () => {
    vi.stubEnv("MOA_MAX_CONCURRENT_RUNS", "2");
    const { GET } = await import("@/app/api/runs/[id]/route");
    const first = await start(simRun(20));
    const second = await start(simRun(20));
    expect([first.status, second.status]).toEqual([201, 201]);

    const blocked = await start(simRun(1));
    expect(blocked.status).toBe(429);
    expect(blocked.json.error?.message).toBe("Too many runs at once: at most 2 running at a time. Stop one or wait for it to finish.");
    expect(blocked.headers.get("retry-after")).toBe("5");

    const status = async (id: string) => {
      const response = await GET(new Request(`http://test/api/runs/${id}`), { params: Promise.resolve({ id }) });
      return ((await response.json()) as { run: { status: string } }).run.status;
    };
    const ids = [first.json.id!, second.json.id!];
    const deadline = Date.now() + 10_000;
    while ((await Promise.all(ids.map(status))).some((s) => s === "running" || s === "pending")) {
      expect(Date.now()).toBeLessThan(deadline);
      await new Promise((r) => setTimeout(r, 50));
    }
    // The slot is released just after the run's outcome is stored.
    let again = await start(simRun(1));
    for (let i = 0; i < 20 && again.status === 429; i++) {
      await new Promise((r) => setTimeout(r, 50));
      again = await start(simRun(1));
    }
    expect(again.status).toBe(201);
  });
});
