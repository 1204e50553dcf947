import { describe, expect, it } from "vitest";
import { BUILTIN_PROMPTS } from "@/lib/experiments/builtin-prompts";
import { experimentToCsv, importExperiment, experimentToJson } from "@/lib/experiments/export";
import { parseCsvRows, parsePromptSet } from "@/lib/experiments/prompt-set";
import { emptyProgress, unitKey, type ExperimentPlan } from "@/lib/experiments/types";

describe("parsePromptSet", () => {
  it("reads one prompt per line, skipping blank lines", () => {
    const { prompts, errors } = parsePromptSet("What is 2+2?\n\n  Name a colour.  \r\n");
    expect(prompts).toEqual([
      { id: "p1", prompt: "What is 2+2?" },
      { id: "p2", prompt: "Name a colour." },
    ]);
    expect(errors).toEqual([]);
  });

  it("reads a JSON array of strings or of objects with prompt/instruction, id and category", () => {
    const text = JSON.stringify([{ id: "a", prompt: "First", category: "math" }, { instruction: "Second (AlpacaEval)" }, "Third"]);
    expect(parsePromptSet(text, "set.json").prompts).toEqual([
      { id: "a", prompt: "First", category: "math" },
      { id: "p2", prompt: "Second (AlpacaEval)" },
      { id: "p3", prompt: "Third" },
    ]);
    expect(parsePromptSet(JSON.stringify({ prompts: ["x"] })).prompts).toEqual([{ id: "p1", prompt: "x" }]);
  });

  it("reads JSON Lines and reports the malformed lines without losing the good ones", () => {
    const text = '{"prompt": "one"}\n{oops\n{"text": "two", "id": 7}\n{"other": 1}\n';
    const { prompts, errors } = parsePromptSet(text, "set.jsonl");
    expect(prompts).toEqual([
      { id: "p1", prompt: "one" },
      { id: "7", prompt: "two" },
    ]);
    expect(errors).toEqual(["line 2: not valid JSON", "line 4: no prompt text"]);
  });

  it("reads CSV with a header, quoted commas, doubled quotes and newlines inside quotes", () => {
    const text = 'id,prompt,category\r\nq1,"Hello, world",writing\nq2,"Say ""hi""\nthen stop",\n';
    expect(parsePromptSet(text, "set.csv").prompts).toEqual([
      { id: "q1", prompt: "Hello, world", category: "writing" },
      { id: "q2", prompt: 'Say "hi"\nthen stop' },
    ]);
  });

  it("explains malformed input instead of guessing", () => {
    expect(parsePromptSet("[1, 2", "x.json")).toMatchObject({ prompts: [], errors: [expect.stringMatching(/not valid JSON/)] });
    expect(parsePromptSet('{"a": 1}', "x.json").errors[0]).toMatch(/expected a JSON array/);
    expect(parsePromptSet("id,question_text\n1,hi", "x.csv").errors[0]).toMatch(/no "prompt" column/);
    expect(parseCsvRows('a,"never closed\n').error).toMatch(/never closed/);
  });

  it("keeps repeated ids apart so no prompt's results overwrite another's", () => {
    const { prompts } = parsePromptSet(JSON.stringify([{ id: "x", prompt: "a" }, { id: "x", prompt: "b" }]));
    expect(prompts.map((p) => p.id)).toEqual(["x", "x-2"]);
  });

  it("ships a built-in set spanning the six kinds of task with unique ids", () => {
    expect(new Set(BUILTIN_PROMPTS.map((p) => p.category))).toEqual(new Set(["writing", "reasoning", "math", "coding", "extraction", "knowledge"]));
    expect(new Set(BUILTIN_PROMPTS.map((p) => p.id)).size).toBe(BUILTIN_PROMPTS.length);
  });
});

describe("experiment export", () => {
  const config = { layers: [{ agents: [{ model: "sim:a" }] }] };
  const plan: ExperimentPlan = {
    id: "e", name: "n", createdAt: "2026-01-01", judge: "sim:owl", reference: "b",
    prompts: [{ id: "p1", prompt: "=SUM(A1), with comma" }],
    variants: [{ id: "a", label: "A", variant: "moa", config }, { id: "b", label: "B", variant: "moa", config }],
  };
  const progress = emptyProgress();
  progress.runs[unitKey("p1", "a")] = { runId: "r1", status: "finished", text: 'say "hi"', inputTokens: 1, outputTokens: 2, costUsd: 0.5, costEstimated: true, tflops: 0, durationMs: 9 };
  progress.judgements[unitKey("p1", "a")] = { winner: "a", consistent: true, reasons: ["r"], runIds: [] };

  it("writes CSV that a spreadsheet reads back safely", () => {
    const rows = parseCsvRows(experimentToCsv(plan, progress)).rows;
    expect(rows[0]).toContain("verdict");
    expect(rows[1][2]).toBe("'=SUM(A1), with comma");
    expect(rows[1][rows[0].indexOf("verdict")]).toBe("win");
    expect(rows[1][rows[0].indexOf("answer")]).toBe('say "hi"');
    expect(rows[2][rows[0].indexOf("status")]).toBe("pending");
  });

  it("reads an experiment saved before comparisons had sides a and b", () => {
    const old = JSON.parse(experimentToJson(plan, progress));
    old.progress.judgements[unitKey("p1", "a")].winner = "variant";
    delete old.progress.received;
    const read = importExperiment(JSON.stringify(old));
    expect("error" in read ? read.error : read.progress.judgements[unitKey("p1", "a")].winner).toBe("a");
  });

  it("round-trips JSON through import and rejects anything else", () => {
    expect(importExperiment(experimentToJson(plan, progress))).toEqual({ plan, progress });
    expect(importExperiment('{"plan": 1}')).toEqual({ error: expect.any(String) });
  });
});
