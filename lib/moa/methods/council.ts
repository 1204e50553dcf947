import type { AgentConfig } from "../config";
import type { ChatMessage } from "../conversation";
import { buildAgentMessages, formatAnswers } from "../synthesis";
import { formatTranscript } from "../variants/transcript";
import { completeOrder, numbered, parseOrder } from "./parse";
import type { Answer, Strategy } from "./strategy";

/** Stage 2 of karpathy/llm-council: every member ranks the anonymised responses. */
export const COUNCIL_REVIEW_PROMPT = [
  "You are one member of a council reviewing anonymous responses to the same request; you are not told who wrote which.",
  "Briefly say what each response gets right and wrong, then rank all of them from best to worst.",
  'End with a line "FINAL RANKING:" followed by one line per response, best first, in the form "1. Response 3".',
].join(" ");

export const COUNCIL_CHAIR_PROMPT = [
  "You chair a council of AI models. Below are the members' responses to the most recent user message and how the members ranked them in anonymous peer review.",
  "Weigh the responses and the peer rankings, check each claim critically, and reply to the user directly with one accurate, complete answer of your own.",
  "Do not mention the council, the responses or the rankings.",
].join(" ");

export function buildReviewMessages(conversation: ChatMessage[], answers: string[]): ChatMessage[] {
  const user = [formatTranscript(conversation), `Responses (${answers.length}), numbered as Response 1, 2, …:`, formatAnswers(answers), "Review and rank them."].join("\n\n");
  return [
    { role: "system", content: COUNCIL_REVIEW_PROMPT },
    { role: "user", content: user },
  ];
}

/** Mean position of each response over the reviews that ranked it (1 = best); unranked counts as last. */
export function averageRanks(orders: number[][], count: number): number[] {
  if (orders.length === 0) return Array.from({ length: count }, () => 0);
  return Array.from({ length: count }, (_, i) => orders.reduce((sum, order) => sum + (order.includes(i) ? order.indexOf(i) + 1 : count), 0) / orders.length);
}

export function chairMessages(conversation: ChatMessage[], agent: AgentConfig, answers: string[], table: string): ChatMessage[] {
  const prompt = `${COUNCIL_CHAIR_PROMPT}\n\nPeer ranking (lower is better):\n${table}`;
  return buildAgentMessages({ conversation, agentSystem: agent.system, previousAnswers: answers, synthesisPrompt: prompt });
}

/**
 * The council (karpathy/llm-council): members answer, every member ranks the anonymised
 * answers, and the chairman writes the reply from the answers and the aggregate ranking.
 */
export function councilStrategy(): Strategy {
  return {
    plan: async (index, ctx) => {
      const answers: Answer[] = ctx.answers[0] ?? [];
      const texts = answers.map((a) => a.text);
      const members = ctx.config.layers[0].agents;
      const reviews = await Promise.all(
        members.map(async (member, agent) => {
          const { system: _own, ...reviewer } = member;
          const result = await ctx.call(reviewer, buildReviewMessages(ctx.messages, texts));
          const order = result.ok ? parseOrder(result.text, texts.length) : [];
          ctx.step({
            layer: index,
            step: "review",
            note: result.ok
              ? `Member ${agent + 1} ranks ${order.length > 0 ? numbered(order) : "nothing readable"}.`
              : `Member ${agent + 1} could not review (${result.error}).`,
            model: member.model,
            ...(result.ok && { reply: result.text, usage: result.usage }),
          });
          return order;
        }),
      );
      const read = reviews.filter((o) => o.length > 0);
      const ranks = averageRanks(read, texts.length);
      const order = completeOrder(
        [...ranks.keys()].sort((a, b) => ranks[a] - ranks[b] || a - b),
        texts.length,
      );
      const table = order.map((i) => `Response ${i + 1}: average rank ${ranks[i].toFixed(2)}`).join("\n");
      // The table is the step's reply: the Inputs view rebuilds the chairman's prompt from it.
      ctx.step({
        layer: index,
        step: "rank",
        note: `Peer ranking over ${read.length} review${read.length === 1 ? "" : "s"}: ${numbered(order)}.`,
        reply: table,
        inputs: answers.map((a) => a.ref),
      });
      return { inputs: answers, messages: (agent, inputs) => chairMessages(ctx.messages, agent, inputs, table) };
    },
  };
}
