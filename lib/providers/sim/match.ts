/**
 * Fuzzy matching of a claim against the sentences of an answer, for the simulated world's
 * ground truth. Exact on the simulator's own sentences, tolerant of paraphrase in real-model
 * text: a claim is found when one sentence holds most of its weight of content words, where
 * words that many claims (or the question) share weigh little and distinctive words (numbers,
 * names, technical terms) weigh most. Pure TypeScript: the browser uses it too.
 */
const STOP = new Set(
  (
    "the and for with from into about over under are was were been being does did have has had can could should would " +
    "will shall may might must you she they them his her its our their this that these those what which who whom whose " +
    "why how when where there here than too very just also more most some any all each other such only own same both " +
    "few many much then so but yet because since while which every one per out off onto upon it's"
  ).split(" "),
);

const NUMBER_WORDS: Record<string, string> = {
  one: "1", two: "2", three: "3", four: "4", five: "5", six: "6", seven: "7", eight: "8", nine: "9", ten: "10",
  eleven: "11", twelve: "12", twenty: "20", hundred: "100",
};

const NEGATION = /^(?:not|no|never|cannot|none|nothing|neither|nor)$/;

function stem(word: string): string {
  if (word.length > 4 && word.endsWith("ies")) return `${word.slice(0, -3)}y`;
  if (word.length > 5 && word.endsWith("ing")) return word.slice(0, -3);
  if (word.length > 4 && word.endsWith("ed")) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith("s") && !word.endsWith("ss")) return word.slice(0, -1);
  return word;
}

/** Content tokens of a text: stemmed words, numbers (money and cents as decimals), negation as "not". */
export function contentTokens(text: string): string[] {
  const plain = text
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/n't\b/g, " not")
    .replace(/(\d+)\s*cents?\b/g, (_, n: string) => (Number(n) / 100).toFixed(2))
    .replace(/(\d),(\d{3})\b/g, "$1$2");
  const out: string[] = [];
  for (const raw of plain.match(/\d+(?:[./]\d+)?|[a-z][a-z'-]*/g) ?? []) {
    const word = raw.replace(/'s$|'$/g, "");
    if (NUMBER_WORDS[word]) out.push(NUMBER_WORDS[word]);
    else if (/^\d/.test(word)) out.push(word.replace(/\.0+$/, ""));
    else if (NEGATION.test(word)) out.push("not");
    else if (word.length >= 3 && !STOP.has(word)) out.push(stem(word));
  }
  return out;
}

/** Words that say a claim is false: a sentence that makes a claim and one of these refutes it. */
const REFUTING = new Set(
  ["wrong", "false", "incorrect", "mistake", "mistaken", "myth", "misconception", "untrue", "unsupport", "tempt", "fail", "debunk", "misleading", "error"].map(stem),
);

export function refutes(sentenceTokens: Set<string>, claimTokens: readonly string[]): boolean {
  const own = new Set(claimTokens);
  for (const t of sentenceTokens) if (REFUTING.has(t) && !own.has(t)) return true;
  return false;
}

/** The sentences (and list items) of an answer, without code blocks or table rows. */
export function answerSentences(answer: string): string[] {
  const prose = answer
    .replace(/```[\s\S]*?(?:```|$)/g, "\n")
    .split("\n")
    .filter((line) => !/^\s*\|/.test(line))
    .map((line) => line.replace(/^\s*(?:#{1,6}\s+|[-*+]\s+|\d+[.)]\s+|>\s*)/, "").replace(/\*\*|__/g, ""));
  return prose
    .flatMap((line) => line.replace(/\b(Dr|Mr|Mrs|Ms|St|vs|e\.g|i\.e)\./g, "$1").split(/(?<=[.!?])\s+(?=["“(\[*A-Z0-9])/))
    .map((s) => s.trim())
    .filter(Boolean);
}

export interface Matcher {
  /** Weighted share (0..1) of the claim's content found in the sentence. */
  coverage(claim: readonly string[], sentence: Set<string>): number;
}

/** Weights from the claims of one world: a token shared by k claims weighs 1/k, a question word less. */
export function matcherFor(claims: readonly string[][], questionTokens: readonly string[]): Matcher {
  const df = new Map<string, number>();
  for (const tokens of claims) for (const t of new Set(tokens)) df.set(t, (df.get(t) ?? 0) + 1);
  const inQuestion = new Set(questionTokens);
  const weight = (t: string) => 1 / ((df.get(t) ?? 1) + (inQuestion.has(t) ? 3 : 0));
  // A claim is matched against every sentence of every answer read: weigh its tokens once.
  const weighed = new WeakMap<readonly string[], { tokens: string[]; weights: number[]; total: number }>();
  const weighOnce = (claim: readonly string[]) => {
    let known = weighed.get(claim);
    if (!known) {
      const tokens = [...new Set(claim)];
      const weights = tokens.map(weight);
      known = { tokens, weights, total: weights.reduce((sum, w) => sum + w, 0) };
      weighed.set(claim, known);
    }
    return known;
  };
  return {
    coverage(claim, sentence) {
      const { tokens, weights, total } = weighOnce(claim);
      if (total === 0) return 0;
      let found = 0;
      for (let i = 0; i < tokens.length; i++) if (sentence.has(tokens[i])) found += weights[i];
      return found / total;
    },
  };
}

/** A claim counts as made when one sentence covers at least this share of its weight. */
export const MATCH_THRESHOLD = 0.6;

/** Claims found in one sentence must read within this much of the best-matching claim. */
export const RIVAL_MARGIN = 0.2;
