/**
 * Sentence pools for the simulated writers. `{t}` is the topic phrase, `{a}` `{b}` `{c}`
 * are keywords from the prompt; capitalised slots (`{A}`) start a sentence.
 */
export const INTRO = [
  "At its core, {t} comes down to how {a} and {b} fit together.",
  "The short answer: {t} depends mostly on {a}, with {b} close behind.",
  "The clearest way into {t} is to start from {a}.",
  "When people ask about {t}, the useful place to begin is {a}.",
  "Most good explanations of {t} circle back to {a} and {b}.",
];

export const POINTS = [
  "{A} sets the basic constraints, and much of the rest follows from it.",
  "In practice, {b} matters more than most first explanations suggest.",
  "A common mistake is to treat {a} and {c} as independent, when each shapes the other.",
  "The evidence points the same way: small changes in {b} can have outsized effects.",
  "It helps to separate what {a} does from why it matters.",
  "Concrete examples make {c} much easier to reason about than abstract definitions.",
  "Over time, {a} tends to reinforce {b}, which is why the effect compounds.",
  "Much of the confusion around {t} disappears once {c} is defined precisely.",
  "Measured carefully, {b} is usually the factor with the clearest impact.",
  "There is a real trade-off here: more emphasis on {a} often means less room for {c}.",
  "Specialists generally agree that {a} is necessary but not sufficient on its own.",
  "For a beginner, the key intuition is that {b} behaves like a feedback loop.",
  "Looking at {c} from first principles usually explains the surprising cases.",
  "The best results tend to come from balancing {a} against {b} rather than maximising either.",
];

export const CAVEATS = [
  "That said, the picture changes when {c} is scarce.",
  "Be careful with simple rules of thumb here; edge cases around {b} are common.",
  "The details vary by context, so check your assumptions about {a} before relying on them.",
  "Not every source agrees on how much weight {c} deserves.",
  "Some popular claims about {a} overstate what the evidence supports.",
];

export const CLOSES = [
  "In short, focus on {a} first, then {b}.",
  "Put simply: understand {a}, watch {b}, and the rest of {t} follows.",
  "If you remember one thing, remember that {a} drives most of the outcome.",
  "The practical takeaway is to get {a} right before worrying about {c}.",
];

export const FILLERS = ["the context", "the goal", "the constraints", "the trade-offs"];

export interface Slots {
  t: string;
  /** Longer topic phrase for headings. */
  title: string;
  keys: string[];
  a: string;
  b: string;
  c: string;
}

function cap(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function fill(template: string, s: Slots): string {
  const values: Record<string, string> = { t: s.t, a: s.a, b: s.b, c: s.c };
  return cap(template.replace(/\{([tabcTABC])\}/g, (_, key: string) => {
    const v = values[key.toLowerCase()];
    return key === key.toUpperCase() ? cap(v) : v;
  }));
}

export function titleCase(text: string): string {
  return text
    .split(/\s+/)
    .map((w, i) => (i > 0 && /^(of|and|the|a|an|in|on|to|for|vs)$/i.test(w) ? w.toLowerCase() : cap(w)))
    .join(" ");
}
