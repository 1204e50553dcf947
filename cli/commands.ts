import { buildPreset, PRESETS, type Substitution } from "@/lib/presets";
import { listModels } from "@/lib/providers/list-models";
import { createModelResolver } from "@/lib/providers/registry";
import type { ChatMessage } from "@/lib/moa/conversation";
import type { CliOptions } from "./args";
import { resolveBoard } from "./board";
import { CliError, EXIT } from "./cli-error";
import { createProgress } from "./progress";
import { checkModels, runBoard } from "./run";

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

async function promptOf(options: CliOptions): Promise<string> {
  const fromStdin = options.prompt === "-" || (options.prompt === undefined && !process.stdin.isTTY);
  const prompt = fromStdin ? await readStdin() : options.prompt;
  if (!prompt?.trim()) throw new CliError('give a prompt: moa-playground run "your question" (or pipe it on stdin)');
  return prompt;
}

function reportSubstitutions(substitutions: Substitution[]): void {
  if (substitutions.length === 0) return;
  if (substitutions.every((s) => s.used.startsWith("sim:"))) {
    process.stderr.write("no provider for the paper's models is configured: running on simulated models (sim:*)\n");
    return;
  }
  const changed = substitutions.filter((s) => s.wanted !== s.used);
  if (changed.length) process.stderr.write(`standing in: ${changed.map((s) => `${s.used} for ${s.wanted}`).join(", ")}\n`);
}

export async function run(options: CliOptions): Promise<number> {
  const prompt = await promptOf(options);
  const board = await resolveBoard(options, async () => (await listModels()).models);
  const resolveModel = createModelResolver();
  checkModels(board.config, resolveModel);
  if (!options.quiet) reportSubstitutions(board.substitutions);

  const messages: ChatMessage[] = [...(options.system ? [{ role: "system" as const, content: options.system }] : []), { role: "user", content: prompt }];
  const controller = new AbortController();
  // First Ctrl-C stops the run cleanly (upstream requests aborted); a second one exits at once.
  process.once("SIGINT", () => {
    controller.abort("interrupted (Ctrl-C)");
    process.once("SIGINT", () => process.exit(EXIT.interrupted));
  });
  const progress = options.quiet ? undefined : createProgress(process.stderr);
  const record = await runBoard({ config: board.config, messages, preset: board.preset, resolveModel, signal: controller.signal, onEvent: (e, s) => progress?.update(e, s) });
  progress?.finish();

  if (options.json) process.stdout.write(JSON.stringify(record, null, 2) + "\n");
  if (record.status === "finished") {
    if (!options.json) process.stdout.write(record.finalText.endsWith("\n") ? record.finalText : `${record.finalText}\n`);
    if (!options.quiet) {
      for (const note of record.notes) process.stderr.write(`note: ${note.text}\n`);
      const { inputTokens, outputTokens } = record.usage;
      process.stderr.write(`done in ${((record.durationMs ?? 0) / 1000).toFixed(1)}s: ${inputTokens} input + ${outputTokens} output tokens across all agents\n`);
    }
    return EXIT.ok;
  }
  process.stderr.write(`run ${record.status}: ${record.error ?? "no answer"}\n`);
  return record.status === "cancelled" ? EXIT.interrupted : EXIT.runFailed;
}

export async function listing(options: CliOptions): Promise<number> {
  const { models } = await listModels();
  if (options.command === "models") {
    const available = models.filter((m) => m.available);
    if (options.json) process.stdout.write(JSON.stringify(available, null, 2) + "\n");
    else for (const m of available) process.stdout.write(`${m.id}${m.simulated ? "  (simulated)" : ""}\n`);
    return EXIT.ok;
  }
  const presets = PRESETS.map((p) => ({ ...p, ...buildPreset(p.id, models) }));
  if (options.json) process.stdout.write(JSON.stringify(presets, null, 2) + "\n");
  else for (const p of presets) process.stdout.write(`${p.id.padEnd(9)} ${p.description}\n          ${p.config.layers.map((l) => l.agents.map((a) => a.model).join(", ")).join("  →  ")}\n`);
  return EXIT.ok;
}
