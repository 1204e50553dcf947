/** Reading a prompt the way a sim model needs to: its keywords, and words as tokens. */
const STOP = new Set(
  (
    "a an the and or but if then so of to in on at by for with from into about over under is are was were be been " +
    "being do does did have has had can could should would will shall may might must i you he she it we they me my " +
    "your our their this that these those what which who whom whose why how when where there here not no yes as " +
    "than too very just also more most some any all each other such only own same both few many much please tell " +
    "explain describe give list write show me us let make know think want need like get use using between vs versus " +
    "its it's i'm don't does doesn't one two three way ways thing things"
  ).split(" "),
);

export function keywordsOf(text: string, max = 6): string[] {
  const counts = new Map<string, number>();
  for (const raw of text.toLowerCase().match(/[a-z][a-z0-9'-]{2,}/g) ?? []) {
    const word = raw.replace(/^'+|'+$/g, "");
    if (STOP.has(word) || word.length < 3) continue;
    counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  return [...counts.entries()]
    // Map order is first appearance: ties keep the prompt's own order.
    .sort((a, b) => b[1] - a[1])
    .slice(0, max)
    .map(([word]) => word);
}

/** Whitespace-preserving word tokens: one token ≈ one word, as the sim counts usage. */
export function tokenize(text: string): string[] {
  return text.match(/\s*\S+/g) ?? [];
}

export function countTokens(text: string): number {
  return text.match(/\S+/g)?.length ?? 0;
}
