import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { fetchSuiteSource } from "@/lib/suites/fetch-source";

// Small files in each benchmark's published shape, written here: no benchmark data in the repo.
const MT_BENCH = [
  { question_id: 81, category: "writing", turns: ["Write a travel blog post about Hawaii.", "Rewrite it so every sentence starts with A."] },
  { question_id: 82, category: "writing", turns: ["Draft an email asking for feedback.", "Now make it shorter."] },
]
  .map((r) => JSON.stringify(r))
  .join("\n");
const MATH_500 = JSON.stringify({ problem: "Compute $2+2$.", solution: "$2+2=\\boxed{4}$", answer: "4", subject: "Algebra", level: 1, unique_id: "test/algebra/1.json" });
const ALPACA = JSON.stringify([{ instruction: "Name a colour.", output: "Blue.", generator: "gpt4_1106_preview", dataset: "helpful_base" }]);

let server: Server;
let base = "";

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = req.url ?? "";
    if (path === "/mt.jsonl") return res.end(MT_BENCH);
    if (path === "/math.jsonl") return res.end(MATH_500);
    if (path === "/alpaca.json") return res.end(ALPACA);
    if (path === "/page.html") return res.end("<!doctype html><html><body>Sign in</body></html>");
    if (path === "/declared-big") {
      res.writeHead(200, { "content-length": "5000" });
      return res.end("x".repeat(5000));
    }
    if (path === "/streamed-big") {
      res.writeHead(200, { "transfer-encoding": "chunked" });
      for (let i = 0; i < 50; i++) res.write("y".repeat(100));
      return res.end();
    }
    if (path === "/hang") return; // never answers
    if (path === "/to-localhost") {
      res.writeHead(302, { location: `http://localhost:${(server.address() as AddressInfo).port}/mt.jsonl` });
      return res.end();
    }
    res.writeHead(404, { "content-type": "text/plain" });
    res.end("not here");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("fetchSuiteSource", () => {
  it("fetches, validates and returns a suite from its (overridden) source", async () => {
    const got = await fetchSuiteSource("mt_bench", { MOA_SUITE_URL_MT_BENCH: `${base}/mt.jsonl` });
    expect(got).toMatchObject({ kind: "mt_bench", items: 2, url: `${base}/mt.jsonl`, fileName: "mt_bench_question.jsonl" });
    expect(got.text).toBe(MT_BENCH);
  });

  it("reads MATH-500's shape (numeric level, subject) and AlpacaEval's", async () => {
    expect((await fetchSuiteSource("math", { MOA_SUITE_URL_MATH: `${base}/math.jsonl` })).items).toBe(1);
    expect((await fetchSuiteSource("alpaca_eval", { MOA_SUITE_URL_ALPACA_EVAL: `${base}/alpaca.json` })).items).toBe(1);
  });

  it("says which source answered what when it is not found", async () => {
    const error = await failure(fetchSuiteSource("mt_bench", { MOA_SUITE_URL_MT_BENCH: `${base}/gone.jsonl` }));
    expect(error.code).toBe("upstream:suite_status");
    expect(error.message).toBe(`The MT-Bench source (${base}/gone.jsonl) answered 404 Not Found.`);
  });

  it("refuses a file past the size cap, whether declared or streamed", async () => {
    for (const path of ["/declared-big", "/streamed-big"]) {
      const error = await failure(fetchSuiteSource("mt_bench", { MOA_SUITE_URL_MT_BENCH: `${base}${path}`, MOA_SUITE_FETCH_MAX_BYTES: "1000" }));
      expect(error.code).toBe("upstream:suite_too_big");
      expect(error.message).toContain("sent more than 1 kB, the limit for a suite file");
    }
  });

  it("refuses a file that is not the suite, naming the first problem", async () => {
    const html = await failure(fetchSuiteSource("mt_bench", { MOA_SUITE_URL_MT_BENCH: `${base}/page.html` }));
    expect(html.code).toBe("upstream:suite_format");
    expect(html.message).toMatch(/is not a MT-Bench file: line 1: not valid JSON\.$/);
    // Valid JSON of another benchmark: its records fail this suite's schema.
    const other = await failure(fetchSuiteSource("math", { MOA_SUITE_URL_MATH: `${base}/mt.jsonl` }));
    expect(other.code).toBe("upstream:suite_format");
    expect(other.message).toContain("is not a MATH-500 file: line 1: problem:");
  });

  it("gives up on a source that does not answer in time", async () => {
    const error = await failure(fetchSuiteSource("mt_bench", { MOA_SUITE_URL_MT_BENCH: `${base}/hang`, MOA_SUITE_FETCH_TIMEOUT_MS: "300" }));
    expect(error.code).toBe("upstream:suite_timeout");
    expect(error.message).toContain("did not answer within 300 ms");
  });

  it("trusts only the configured origin: a redirect from it into this machine is refused by the SSRF guard", async () => {
    const error = await failure(fetchSuiteSource("mt_bench", { MOA_SUITE_URL_MT_BENCH: `${base}/to-localhost` }));
    expect(error.code).toBe("bad_request:endpoint");
    expect(error.message).toMatch(/^Refused localhost/);
  });
});
