/**
 * Reads a V8 .cpuprofile (from `node --cpu-prof`, e.g. a bench server started with
 * BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof") and prints where the time went:
 * busy time per second, then self time by function, by source file or package, and inclusive
 * time by function. Frames in the minified production chunks are mapped back to their source
 * through the build's .map files, so `.next` code reads as `lib/runs/live-run.ts:42`.
 * `--from S --to S` keeps only that window (seconds since the profile started): the measured
 * part of a bench, without the server's start-up.
 *
 *   npx tsx scripts/cpu-profile-summary.ts /tmp/prof/CPU.*.cpuprofile [--top 30] [--from 20 --to 40]
 */
import { existsSync, readFileSync } from "node:fs";
import { SourceMap } from "node:module";
import { fileURLToPath } from "node:url";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const maps = new Map<string, SourceMap | undefined>();

function sourceMapOf(url: string): SourceMap | undefined {
  if (!maps.has(url)) {
    const path = url.startsWith("file://") ? fileURLToPath(url) : url;
    const mapPath = `${path}.map`;
    maps.set(url, existsSync(mapPath) ? new SourceMap(JSON.parse(readFileSync(mapPath, "utf8"))) : undefined);
  }
  return maps.get(url);
}

/** Where a frame is in the source: the original file and line when the chunk has a source map. */
function located(node: ProfileNode): { url: string; line: number } {
  const { url, lineNumber, columnNumber } = node.callFrame;
  const entry = url.includes("/.next/") ? (sourceMapOf(url)?.findEntry(lineNumber, columnNumber) as { originalSource?: string; originalLine?: number } | undefined) : undefined;
  if (entry?.originalSource) return { url: entry.originalSource.replace(/^(\.\.\/)+/, "").replace(/%40/g, "@"), line: (entry.originalLine ?? 0) + 1 };
  return { url, line: lineNumber + 1 };
}

/** node_modules paths shrink to their package; the app's chunks keep their file name. */
function fileOf(url: string): string {
  if (!url) return "(native)";
  const inModules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (inModules) return inModules[1];
  if (url.startsWith("node:")) return url;
  return url.replace(/^file:\/\//, "").replace(/^.*\/\.next\//, ".next/");
}

function frameOf(node: ProfileNode): string {
  const { url, line } = located(node);
  return `${node.callFrame.functionName || "(anonymous)"} ${fileOf(url)}:${line}`;
}

function add(totals: Map<string, number>, key: string, us: number): void {
  totals.set(key, (totals.get(key) ?? 0) + us);
}

function print(title: string, totals: Map<string, number>, allUs: number, top: number): void {
  console.log(`\n${title}`);
  const rows = [...totals].sort((a, b) => b[1] - a[1]).slice(0, top);
  for (const [key, us] of rows) console.log(`${(us / 1000).toFixed(0).padStart(8)} ms ${((100 * us) / allUs).toFixed(1).padStart(5)}%  ${key}`);
}

function summarize(path: string, top: number, window: { from: number; to: number }): void {
  const profile = JSON.parse(readFileSync(path, "utf8")) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);

  const self = new Map<string, number>();
  const files = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const busyPerSecond: number[] = [];
  let allUs = 0;
  let idleUs = 0;
  let atUs = 0;
  profile.samples.forEach((id, i) => {
    const us = profile.timeDeltas[i] ?? 0;
    atUs += us;
    const node = byId.get(id);
    if (!node) return;
    const idle = node.callFrame.functionName === "(idle)";
    const second = Math.floor(atUs / 1e6);
    busyPerSecond[second] = (busyPerSecond[second] ?? 0) + (idle ? 0 : us);
    if (atUs < window.from * 1e6 || atUs > window.to * 1e6) return;
    allUs += us;
    if (idle) idleUs += us;
    add(self, frameOf(node), us);
    add(files, fileOf(located(node).url), us);
    // A recursive function counts once per sample.
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const key = frameOf(byId.get(at)!);
      if (!seen.has(key)) add(inclusive, key, us);
      seen.add(key);
    }
  });
  console.log(`busy ms per second: ${Array.from(busyPerSecond, (us) => Math.round((us ?? 0) / 1000)).join(" ")}`);
  console.log(`${path}: ${(allUs / 1e6).toFixed(1)} s sampled, ${(idleUs / 1e6).toFixed(1)} s idle, ${((allUs - idleUs) / 1e6).toFixed(1)} s busy`);
  print("Self time by function", self, allUs, top);
  print("Self time by file or package", files, allUs, top);
  print("Inclusive time by function", inclusive, allUs, top);
}

const args = process.argv.slice(2);
const options = new Map<string, number>();
const paths: string[] = [];
for (let i = 0; i < args.length; i++) {
  if (args[i].startsWith("--")) options.set(args[i].slice(2), Number(args[++i]));
  else paths.push(args[i]);
}
if (paths.length === 0) {
  console.error("usage: tsx scripts/cpu-profile-summary.ts <file.cpuprofile>… [--top N] [--from S] [--to S]");
  process.exit(2);
}
const window = { from: options.get("from") ?? 0, to: options.get("to") ?? Infinity };
for (const path of paths) summarize(path, options.get("top") ?? 30, window);
