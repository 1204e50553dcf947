import { describe, expect, it } from "vitest";
import { BUILTIN_PROMPTS } from "@/lib/experiments/builtin-prompts";
import { runMoA } from "@/lib/moa/engine";
import type { MoAConfig } from "@/lib/moa/config";
import { createModelResolver } from "@/lib/providers/registry";
import { MISLEADING_SYSTEM } from "@/lib/teach/misleading";

const resolveModel = createModelResolver({ env: { MOA_SIM_SPEED: "1000000" } });
const PROMPTS = [
  ...BUILTIN_PROMPTS.map((p) => p.prompt),
  "Why do leaves change colour in autumn?",
  "How should a beginner start learning to program?",
  "What are the main causes of inflation?",
  "How did the printing press change Europe?",
  "Compare tea and coffee for focus.",
  "Write a Rust function that reverses the words of a sentence.",
  "List five tips for better sleep.",
  "What is 2 + 2?",
  "Explain quantum entanglement to a ten-year-old.",
  "Should a small startup use microservices or a monolith? Give pros and cons.",
  "tell me about the history of the bicycle",
  "How can I make my React app faster",
  "Write a SQL query that finds duplicate emails in a users table.",
];
const STYLES = ["falcon", "heron", "otter", "lynx", "badger", "orca", "sloth"].map((m) => `sim:${m}`);

/** The prose a reader sees: code blocks are code, and may hold quotes and spacing of their own. */
const prose = (text: string) => text.replace(/```[\s\S]*?```/g, "");

function problems(text: string, prompt: string): string[] {
  const found: string[] = [];
  const p = prose(text);
  if (/“\s*”|""|''/.test(p)) found.push("empty quotes");
  if (/undefined|NaN|\{[a-zA-Z]\}|\[object/.test(text)) found.push("placeholder");
  if (/\S {2,}\S/.test(p)) found.push("doubled space");
  if (/([,;:!?])\1|(?<!\.)\.\.(?!\.)|\s[.,;:!?]|[,;:]\./.test(p)) found.push("doubled or loose punctuation");
  if (/^\s*$/.test(text)) found.push("empty answer");
  // A prompt echo: 8 or more consecutive words of the prompt, which is how a cut echo reads.
  const words = prompt.split(/\s+/);
  for (let i = 0; i + 8 <= words.length; i++) {
    if (p.includes(words.slice(i, i + 8).join(" "))) {
      found.push(`prompt echo "${words.slice(i, i + 8).join(" ")}"`);
      break;
    }
  }
  return found;
}

function configFor(run: number): MoAConfig {
  const shift = run % STYLES.length;
  const proposers = [...STYLES.slice(shift), ...STYLES.slice(0, shift)].slice(0, 3 + (run % 4));
  const layer1 = proposers.map((model, i) => ({ model, temperature: 0.7, ...(run % 5 === 0 && i === 1 ? { system: MISLEADING_SYSTEM } : {}) }));
  const middle = run % 3 === 0 ? [{ agents: proposers.map((model) => ({ model })) }] : [];
  return { layers: [{ agents: layer1 }, ...middle, { agents: [{ model: run % 4 === 0 ? "sim:orca" : "sim:owl" }] }] };
}

describe("sim answers read cleanly", () => {
  it("50 seeded runs over built-in and other prompts, every style and both aggregators: no template artefacts", async () => {
    const report: string[] = [];
    for (let run = 0; run < 50; run++) {
      const prompt = PROMPTS[run % PROMPTS.length];
      for await (const e of runMoA(configFor(run), [{ role: "user", content: prompt }], { runId: `a${run}`, resolveModel })) {
        if (e.type === "agent-finished") for (const issue of problems(e.text, prompt)) report.push(`run ${run} L${e.layer + 1}A${e.agent + 1} (${prompt.slice(0, 30)}): ${issue}`);
        if (e.type === "run-failed") report.push(`run ${run} failed: ${e.message}`);
      }
    }
    expect(report).toEqual([]);
  });

  it("the scan catches what it looks for", () => {
    expect(problems("He said “” twice.", "q")).toContain("empty quotes");
    expect(problems("Think about {a} first.", "q")).toContain("placeholder");
    expect(problems("Two  spaces.", "q")).toContain("doubled space");
    expect(problems("Done.. next", "q")).toContain("doubled or loose punctuation");
    expect(problems("As for explain how vaccines train the immune system to recognise, it is simple.", "Explain how vaccines train the immune system to recognise viruses.")[0]).toMatch(/prompt echo/);
    expect(problems("```\nconst a = '';  // fine in code\n```\nClean prose.", "q")).toEqual([]);
  });
});
