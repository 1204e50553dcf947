import type { ReadPrompt } from "./prompt";
import type { Rng } from "./rng";
import { CLOSES, INTRO, POINTS, type Slots, fill, titleCase } from "./phrases";
import { countTokens, keywordsOf, sentencesOf } from "./words";

interface SynthesisInput {
  prompt: ReadPrompt;
  rng: Rng;
  slots: Slots;
  target: number;
}

/** One sentence of an answer, verbatim (minus markdown), to quote. */
export function quoteFrom(answer: string, rng: Rng): string | undefined {
  const options = sentencesOf(answer);
  return options.length > 0 ? rng.pick(options) : undefined;
}

function list(items: Array<number | string>): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

/**
 * The aggregator makes the data flow visible: it says how many answers it read, quotes
 * concrete sentences from several of them, names where they agree and where they differ.
 */
export function composeSynthesis({ prompt, rng, slots, target }: SynthesisInput): string {
  const answers = prompt.answers;
  if (answers.length === 0) return composeAlone(rng, slots, target);

  const n = answers.length;
  const parts: string[] = [
    `**Drawing on ${n} answer${n === 1 ? "" : "s"}**, here is a single answer on ${slots.t} that keeps what they got right and drops the repetition.`,
  ];

  const perAnswer = answers.map((a) => new Set(keywordsOf(a, 12)));
  const shared = keywordsOf(answers.join("\n"), 12)
    .map((word) => ({ word, in: perAnswer.flatMap((set, i) => (set.has(word) ? [i + 1] : [])) }))
    .filter((k) => k.in.length >= 2)
    .slice(0, 4);
  const groups = new Map<string, { in: number[]; words: string[] }>();
  for (const k of shared) {
    const key = k.in.join(",");
    const group = groups.get(key) ?? { in: k.in, words: [] };
    group.words.push(`**${k.word}**`);
    groups.set(key, group);
  }
  const agree = [...groups.values()].map((g) => {
    const who = g.in.length === n ? `All ${n} answers` : `Answers ${list(g.in)}`;
    return `- ${who} agree on the role of ${list(g.words)}.`;
  });
  parts.push(
    `### Where they agree\n\n${agree.length > 0 ? agree.join("\n") : `- Each answer approaches ${slots.t} from a different angle, which is useful in itself.`}`,
  );

  const order = rng.sample(answers.map((_, i) => i), Math.min(n, 4)).sort((x, y) => x - y);
  const woven = order.flatMap((i, k) => {
    const quote = quoteFrom(answers[i], rng);
    if (!quote) return [];
    const lead = [`As answer ${i + 1} puts it, “${quote}”`, `Answer ${i + 1} adds: “${quote}”`, `Answer ${i + 1} makes the concrete point that “${quote}”`];
    return [lead[Math.min(k, lead.length - 1)]];
  });
  parts.push(`### Synthesis\n\n${fill(rng.pick(INTRO), slots)} ${woven.join(" ")}`.trim());

  if (n >= 2) {
    const [x, y] = rng.sample(answers.map((_, i) => i + 1), 2).sort((p, q) => p - q);
    const longer = countTokens(answers[x - 1]) >= countTokens(answers[y - 1]) ? x : y;
    parts.push(
      `### Where they differ\n\n- Answers ${x} and ${y} weigh **${slots.b}** differently; answer ${longer} goes into more detail, and that detail is kept above.`,
    );
  }

  const written = countTokens(parts.join(" "));
  if (written < target) parts.push(POINTS.slice(0, 2).map((p) => fill(p, slots)).join(" "));
  parts.push(`**Bottom line:** ${fill(rng.pick(CLOSES), slots)}`);
  return parts.join("\n\n");
}

function composeAlone(rng: Rng, slots: Slots, target: number): string {
  const body: string[] = [];
  for (const template of rng.sample(POINTS, POINTS.length)) {
    if (countTokens(body.join(" ")) >= target - 40) break;
    body.push(fill(template, slots));
  }
  const half = Math.ceil(body.length / 2);
  return `### ${titleCase(slots.title)}\n\n${fill(rng.pick(INTRO), slots)} ${body.slice(0, half).join(" ")}\n\n${body.slice(half).join(" ")}\n\n**Bottom line:** ${fill(rng.pick(CLOSES), slots)}`;
}
