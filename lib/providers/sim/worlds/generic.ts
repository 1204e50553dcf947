import { createRng } from "../rng";
import { keywordsOf } from "../words";
import type { WorldSpec } from "./spec";

/**
 * Ground truth for any prompt without a hand-written world: general qualities of a good
 * answer, phrased as full sentences around the prompt's own content words. They read as
 * advice rather than facts, which is honest: the simulator knows nothing about the topic.
 */
const POINTS = [
  "A precise definition of {a} comes first, because most confusion about it starts with loose terms.",
  "A worked example with real cases makes {a} much easier to follow than an abstract description.",
  "The main trade-off is between {a} and {b}: gaining on one usually costs something on the other.",
  "The right answer depends on context, so it helps to state the assumptions about {b} up front.",
  "Edge cases involving {c} deserve a sentence of their own instead of being glossed over.",
  "The strongest evidence about {b} should come first, with weaker arguments after it.",
  "Practical advice should end with a concrete first step the reader can take today.",
  "Where experts disagree about {c}, a careful answer says so and explains why.",
];

const WRONG = [
  "One simple rule about {a} works in every situation.",
  "{B} makes no real difference to the outcome, so it can be ignored.",
  "The most popular opinion about {c} is automatically the correct one.",
  "Details about {b} never change the conclusion, so they can be skipped.",
];

const CODE_POINTS = [
  "The function checks its input first and handles an empty or missing value explicitly.",
  "Clear names for the function and its parameters make the example calls read like the task itself.",
  "Example calls with their expected output show that the code does what the prompt asks.",
  "The loop touches each element once, so the running time grows linearly with the input.",
  "Comments explain why a step is there, not what the syntax does.",
  "A small test for the tricky case, such as an empty input, guards against regressions.",
  "Edge cases such as duplicates, blank values or very large inputs are named and handled.",
];

const CODE_WRONG = [
  "Input validation is unnecessary, because callers always pass well-formed data.",
  "Recursion is always faster than a loop for this kind of task.",
  "Global variables make this kind of function easier to test.",
];

/** Instruction verbs and vague words that make poor subjects for a sentence. */
const SKIP = new Set(
  "compare summarize summarise write draft discuss outline create build implement provide help find name short brief simple good best main important different difference example examples answer question detail details paragraph sentence sentences words happen happens happened work works matter matters mean means exist exists occur occurs become becomes seem seems".split(" "),
);

const CODE = /\b(?:code|function|program|script|implement|typescript|javascript|python|java|rust|golang|sql|regex|class|snippet|algorithm|bash)\b/i;
const LIST = /\b(?:list|steps|tips|ways|reasons|causes|pros and cons|top \d+|checklist|table)\b/i;

export function kindOf(question: string): WorldSpec["kind"] {
  if (CODE.test(question)) return "code";
  if (LIST.test(question)) return "list";
  return "prose";
}

const LANGS: Array<[RegExp, string]> = [
  [/\btypescript\b|\bts\b/i, "ts"],
  [/\bjavascript\b|\bjs\b|\bnode\b/i, "js"],
  [/\bgolang\b|\bin go\b/i, "go"],
  [/\brust\b/i, "rust"],
  [/\bjava\b/i, "java"],
  [/\bsql\b/i, "sql"],
  [/\bbash\b|\bshell\b/i, "bash"],
];

const SKELETONS: Record<string, string> = {
  python: 'def solve(items):\n    """Handle the empty case first, then do the work in one pass."""\n    if not items:\n        return []\n    result = []\n    for item in items:\n        result.append(item)\n    return result\n\n\nprint(solve([3, 1, 2]))  # [3, 1, 2]\nprint(solve([]))  # []',
  ts: "export function solve(items: number[]): number[] {\n  // Handle the empty case first, then do the work in one pass.\n  if (items.length === 0) return [];\n  const result: number[] = [];\n  for (const item of items) result.push(item);\n  return result;\n}\n\nconsole.log(solve([3, 1, 2])); // [3, 1, 2]\nconsole.log(solve([])); // []",
  js: "function solve(items) {\n  // Handle the empty case first, then do the work in one pass.\n  if (items.length === 0) return [];\n  const result = [];\n  for (const item of items) result.push(item);\n  return result;\n}\n\nconsole.log(solve([3, 1, 2])); // [3, 1, 2]\nconsole.log(solve([])); // []",
  go: "func solve(items []int) []int {\n\t// Handle the empty case first, then do the work in one pass.\n\tif len(items) == 0 {\n\t\treturn nil\n\t}\n\tresult := make([]int, 0, len(items))\n\tfor _, item := range items {\n\t\tresult = append(result, item)\n\t}\n\treturn result\n}",
  rust: "fn solve(items: &[i32]) -> Vec<i32> {\n    // Handle the empty case first, then do the work in one pass.\n    if items.is_empty() {\n        return Vec::new();\n    }\n    items.iter().copied().collect()\n}",
  java: "static List<Integer> solve(List<Integer> items) {\n    // Handle the empty case first, then do the work in one pass.\n    if (items.isEmpty()) return List.of();\n    List<Integer> result = new ArrayList<>();\n    for (int item : items) result.add(item);\n    return result;\n}",
  sql: "-- Filter first, then aggregate, so the database does the work.\nSELECT category, COUNT(*) AS total\nFROM items\nWHERE category IS NOT NULL\nGROUP BY category\nORDER BY total DESC;",
  bash: '#!/usr/bin/env bash\nset -euo pipefail\n# Fail early on a missing argument.\nif [ "$#" -eq 0 ]; then echo "usage: $0 FILE..." >&2; exit 1; fi\nfor file in "$@"; do wc -l "$file"; done',
};

function languageOf(question: string): string {
  return LANGS.find(([pattern]) => pattern.test(question))?.[1] ?? "python";
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function genericWorld(question: string): WorldSpec {
  const kind = kindOf(question);
  const keys = keywordsOf(question, 10).filter((w) => !SKIP.has(w) && !/^\d/.test(w));
  const fallback = ["the goal", "the context", "the constraints"];
  const [a, b, c] = [keys[0] ?? fallback[0], keys[1] ?? fallback[1], keys[2] ?? fallback[2]];
  const fill = (template: string) =>
    template.replace(/\{([abcABC])\}/g, (_, slot: string) => {
      const value = { a, b, c }[slot.toLowerCase() as "a" | "b" | "c"];
      return slot === slot.toUpperCase() ? capitalise(value) : value;
    });
  const rng = createRng(`world|${question}`);
  const pointPool = kind === "code" ? CODE_POINTS : POINTS;
  const wrongPool = kind === "code" ? CODE_WRONG : WRONG;
  const points = rng.sample(pointPool, Math.min(pointPool.length, 6 + rng.int(0, 1)));
  const wrong = rng.sample(wrongPool, 3);
  const lang = kind === "code" ? languageOf(question) : undefined;
  return {
    question,
    kind,
    points: points.map(fill),
    wrong: wrong.map(fill),
    ...(lang ? { work: { format: "code" as const, lang, variants: [SKELETONS[lang]] } } : {}),
  };
}
