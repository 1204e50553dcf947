import { streamText } from "ai";
import { describe, expect, it } from "vitest";
import { createModelResolver } from "@/lib/providers/registry";
import { buildSynthesisBlock } from "@/lib/moa/synthesis";
import { parseNumberedAnswers } from "@/lib/providers/sim/prompt";
import { carriedBy, worldOf } from "@/lib/providers/sim/world";

const resolve = createModelResolver({ env: { MOA_SIM_SPEED: "100" } });
const QUESTION = "Explain how vaccines train the immune system to recognise viruses.";
const ANSWERS = [
  "The immune system learns to recognise a harmless piece of the virus. Memory cells then respond faster when the real virus arrives.",
  "Vaccines contain antigens that prompt antibody production without causing disease. Boosters keep the memory response strong over time.",
  "mRNA vaccines teach cells to make a spike protein that the immune system learns to attack. The mRNA itself breaks down within a few days.",
];
const SYNTHESIS = `You have been provided with a set of responses from various models to the latest user query. Critically evaluate them and write one better answer.

Responses from models:
${ANSWERS.map((a, i) => `${i + 1}. ${a}`).join("\n")}`;

async function aggregate(model: string, system: string) {
  return streamText({ model: resolve(model), system, prompt: QUESTION }).text;
}

function sentences(text: string): string[] {
  return text.match(/[^.!?]+[.!?]/g)?.map((s) => s.trim()) ?? [];
}

describe("sim aggregator", () => {
  const world = worldOf(QUESTION);
  const proposals = () => Promise.all(["falcon", "heron", "orca"].map((m) => streamText({ model: resolve(`sim:${m}`), prompt: QUESTION }).text));

  it("writes one fresh answer that reuses sentences from several of the answers it read", async () => {
    const answers = await proposals();
    const text = await aggregate("sim:owl", buildSynthesisBlock(answers));
    const reused = answers.filter((answer) => sentences(answer).some((s) => s.length > 30 && text.includes(s)));
    expect(reused.length).toBeGreaterThanOrEqual(2);
    expect(text).not.toBe(answers[0]);
  });

  it("draws on the answers in a plain numbered list too", async () => {
    const answers = await proposals();
    const numbered = `Critically evaluate these responses and write one better answer.\n\n${answers.map((a, i) => `${i + 1}. ${a.replace(/\n+/g, " ")}`).join("\n")}`;
    const alone = carriedBy(world, await aggregate("sim:owl", "You are a helpful assistant.")).points;
    const merged = carriedBy(world, await aggregate("sim:owl", numbered)).points;
    expect(merged.length).toBeGreaterThan(alone.length);
  });

  it("answers on its own when there is nothing to aggregate", async () => {
    const text = await aggregate("sim:owl", "You are a helpful assistant.");
    expect(text).not.toMatch(/A claim I left out/);
    expect(text).toMatch(/vaccin|immune|antibod/i);
  });

  it("proposers placed in a later layer also use what they received", async () => {
    const answers = await proposals();
    const alone = carriedBy(world, await aggregate("sim:falcon", "You are a helpful assistant.")).points;
    const later = carriedBy(world, await aggregate("sim:falcon", buildSynthesisBlock(answers))).points;
    expect(later.length).toBeGreaterThan(alone.length);
  });
});

describe("parseNumberedAnswers", () => {
  it("reads the engine's synthesis block", () => {
    const withLists = [...ANSWERS, "### Steps\n1. First\n2. Second"];
    expect(parseNumberedAnswers(buildSynthesisBlock(withLists))).toEqual(withLists);
  });

  it("reads plain numbered lists", () => {
    expect(parseNumberedAnswers(SYNTHESIS)).toEqual(ANSWERS);
  });

  it("reads labelled and tagged answers, keeping their inner lists intact", () => {
    const labelled = `Previous answers:\n\n### Answer 1\nFirst.\n1. inner\n2. list\n\n### Answer 2\nSecond.`;
    expect(parseNumberedAnswers(labelled)).toEqual(["First.\n1. inner\n2. list", "Second."]);
    const tagged = `<answer index="1">Alpha</answer>\n<answer index="2">Beta</answer>`;
    expect(parseNumberedAnswers(tagged)).toEqual(["Alpha", "Beta"]);
  });

  it("finds no answers in an ordinary system prompt", () => {
    expect(parseNumberedAnswers("You are terse. 1. Be brief.")).toEqual([]);
  });
});
