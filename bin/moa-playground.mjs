#!/usr/bin/env node
// Runs cli/main.ts through tsx so the CLI needs no build step; tsconfig.node.json supplies the @/ paths
// and lets the server modules' `server-only` marker load under plain Node.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const tsxCli = join(root, "node_modules", "tsx", "dist", "cli.mjs");
if (!existsSync(tsxCli)) {
  process.stderr.write("moa-playground: tsx is not installed; run `npm install` in " + root + "\n");
  process.exit(2);
}

const child = spawn(process.execPath, [tsxCli, "--tsconfig", join(root, "tsconfig.node.json"), join(root, "cli", "main.ts"), ...process.argv.slice(2)], {
  stdio: "inherit",
});
// Ctrl-C reaches the child through the terminal's process group; the child decides how to stop.
process.on("SIGINT", () => {});
process.on("SIGTERM", () => child.kill("SIGTERM"));
child.on("exit", (code, signal) => process.exit(code ?? (signal === "SIGINT" ? 130 : 1)));
