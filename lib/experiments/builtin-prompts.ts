import type { ExperimentPrompt } from "./types";

/**
 * A small prompt set written for this project, one or two per kind of task, so an experiment
 * on a handful of prompts still touches writing, reasoning, math, code, extraction and
 * knowledge. Short on purpose: every prompt costs one run per variant plus judge calls.
 */
export const BUILTIN_PROMPTS: readonly ExperimentPrompt[] = [
  { id: "write-1", category: "writing", prompt: "Write a four-line poem about a lighthouse keeper who has never seen the sea in daylight." },
  { id: "write-2", category: "writing", prompt: "Draft a polite two-paragraph email declining a job offer while keeping the door open for the future." },
  { id: "reason-1", category: "reasoning", prompt: "A bat and a ball cost $1.10 together; the bat costs $1.00 more than the ball. How much is the ball? Explain briefly." },
  { id: "reason-2", category: "reasoning", prompt: "Three friends share a taxi: Ana rides 2 km, Ben 5 km, Caro 8 km along the same route. How should a 24 euro fare be split fairly, and why?" },
  { id: "math-1", category: "math", prompt: "What is the sum of all integers from 1 to 200 that are divisible by 3 or by 5? Show the steps." },
  { id: "math-2", category: "math", prompt: "A tank fills in 6 hours with pipe A and in 4 hours with pipe B. How long with both open? Give the answer in hours and minutes." },
  { id: "code-1", category: "coding", prompt: "Write a TypeScript function that returns the longest common prefix of an array of strings, with two example calls." },
  { id: "code-2", category: "coding", prompt: "Explain what this Python prints and why: x = [[0] * 2] * 2; x[0][0] = 1; print(x)" },
  {
    id: "extract-1",
    category: "extraction",
    prompt:
      "From this note, list every date and what happens on it as JSON: 'Kickoff is on March 3rd. The design review moved from the 10th to March 12. Launch is planned for April 30, with a retro the week after.'",
  },
  {
    id: "extract-2",
    category: "extraction",
    prompt: "Extract the people and their roles as a table: 'Dr. Lena Ortiz chairs the panel; Sam Lee, a nurse, takes notes; the patient's son, Omar, asks questions.'",
  },
  { id: "know-1", category: "knowledge", prompt: "Why does the Moon always show the same face to the Earth? Answer in a short paragraph for a curious teenager." },
  { id: "know-2", category: "knowledge", prompt: "What is the difference between a virus and a bacterium, and why do antibiotics work on only one of them?" },
];
