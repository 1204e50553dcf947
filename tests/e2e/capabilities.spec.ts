import { expect, test } from "@playwright/test";

/** Protocol edges over real HTTP against the built app: EventSource, run URLs, unknown /api/v1 paths. */

const quick = { layers: [{ agents: [{ model: "sim:falcon?tps=400&ttft=5" }, { model: "sim:heron?tps=400&ttft=5" }] }, { agents: [{ model: "sim:owl?tps=400&ttft=5" }] }] };
const ask = (content: string) => [{ role: "user", content }];

test("a standard EventSource reads a finished run once and stops reconnecting", async ({ page, request }) => {
  const { id } = await (await request.post("/api/runs", { data: { config: quick, messages: ask("Why is the sky blue?") } })).json();
  await expect.poll(async () => (await (await request.get(`/api/runs/${id}`)).json()).run.status, { timeout: 30_000 }).toBe("finished");

  await page.goto("/api/health");
  const answers: number[] = [];
  page.on("response", (r) => {
    if (r.url().includes(`/api/runs/${id}/events`)) answers.push(r.status());
  });
  const seen = await page.evaluate(async (runId) => {
    const source = new EventSource(`/api/runs/${runId}/events`);
    const seqs: number[] = [];
    let opens = 0;
    source.onopen = () => (opens += 1);
    source.onmessage = (message) => seqs.push(JSON.parse(message.data).seq);
    // A 204 on the reconnect closes it for good; a 200 would reopen it every second.
    const deadline = Date.now() + 15_000;
    while (source.readyState !== EventSource.CLOSED && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    const state = source.readyState;
    source.close();
    return { seqs, opens, state };
  }, id);

  expect(seen.state).toBe(2); // EventSource.CLOSED
  expect(seen.opens).toBe(1);
  expect(seen.seqs).toEqual(seen.seqs.map((_, i) => i));
  // The first request, then one reconnect (with Last-Event-ID) that learns the run is over.
  expect(answers).toEqual([200, 204]);
});

test("X-MoA-Run-Url names the host the caller used; forwarded headers count only behind a trusted proxy", async ({ playwright, baseURL }) => {
  const port = new URL(baseURL!).port;
  const viaLocalhost = await playwright.request.newContext({ baseURL: `http://localhost:${port}` });
  const body = { model: "moa/single", messages: ask("Hi") };
  const direct = await viaLocalhost.post("/api/v1/chat/completions", { data: body });
  expect(direct.status()).toBe(200);
  expect(direct.headers()["x-moa-run-url"]).toBe(`http://localhost:${port}/r/${direct.headers()["x-moa-run-id"]}`);

  const spoofed = await viaLocalhost.post("/api/v1/chat/completions", { data: body, headers: { "X-Forwarded-Host": "evil.example", "X-Forwarded-Proto": "https" } });
  expect(spoofed.headers()["x-moa-run-url"]).toMatch(new RegExp(`^http://localhost:${port}/r/`));
  await viaLocalhost.dispose();
});

test("unknown /api/v1 paths answer a JSON 404 in OpenAI's shape, not an HTML page", async ({ request }) => {
  for (const path of ["/api/v1/completions", "/api/v1/embeddings", "/api/v1/responses"]) {
    const response = await request.post(path, { data: { model: "moa/single", input: "hi" } });
    expect(response.status()).toBe(404);
    expect(response.headers()["content-type"]).toMatch(/^application\/json/);
    expect((await response.json()).error).toMatchObject({ type: "invalid_request_error", param: null, code: "not_found" });
  }
  const typo = await request.post("/api/v1/chat/completions", { data: { model: "moa/single", messages: ask("Hi"), temperature: "hot" } });
  expect(typo.status()).toBe(400);
  expect((await typo.json()).error.param).toBe("temperature");
});
