import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Browser and server code stay apart. Server modules (database, run lifecycle, security,
 * providers' credentials, route-only code) open with `import "server-only"`, so the Next build
 * refuses a client component that pulls one in; this test says which ones must, and that no
 * browser module imports one for more than its types, before a build would.
 */

const root = path.resolve(__dirname, "../../..");

const SERVER_FOLDERS = ["lib/db", "lib/runs", "lib/security", "lib/configs", "lib/verdicts", "lib/openai-compat", "lib/providers/local"];
const SERVER_FILES = [
  ...["admission", "boss", "load-spec", "provider-limits", "pump", "store", "server-cell-runner", "service", "unit-steps", "units", "worker"].map((name) => `lib/experiments/jobs/${name}.ts`),
  "lib/providers/registry.ts",
  "lib/providers/list-models.ts",
  "lib/providers/provider-config.ts",
  "lib/experiments/admitted-judge.ts",
  "lib/experiments/judge-server.ts",
];
const BROWSER_FOLDERS = ["components", "lib/client"];

function filesUnder(dir: string): string[] {
  return readdirSync(path.join(root, dir)).flatMap((name) => {
    const rel = path.posix.join(dir, name);
    if (statSync(path.join(root, rel)).isDirectory()) return filesUnder(rel);
    return /\.tsx?$/.test(name) ? [rel] : [];
  });
}

const serverModules = new Set([...SERVER_FOLDERS.flatMap(filesUnder), ...SERVER_FILES]);

/** The value imports of a module (type-only ones are erased and never reach a bundle), as repo paths without extension. */
function valueImports(file: string): string[] {
  const source = readFileSync(path.join(root, file), "utf8");
  const found: string[] = [];
  for (const match of source.matchAll(/^(?:import|export)\s+([^;]*?)\s+from\s+"([^"]+)"/gms)) {
    const [, clause, specifier] = match;
    if (/^type\s/.test(clause)) continue;
    const named = clause.match(/^\{([^}]*)\}$/s);
    if (named && named[1].split(",").every((part) => part.trim() === "" || /^type\s/.test(part.trim()))) continue;
    if (specifier.startsWith("@/")) found.push(specifier.slice(2));
    else if (specifier.startsWith(".")) found.push(path.posix.join(path.posix.dirname(file), specifier));
  }
  for (const match of source.matchAll(/import\(\s*"([^"]+)"\s*\)/g)) {
    if (match[1].startsWith("@/")) found.push(match[1].slice(2));
  }
  return found;
}

const withoutExtension = (file: string) => file.replace(/\.tsx?$/, "").replace(/\/index$/, "");
const serverByPath = new Set([...serverModules].map(withoutExtension));

describe("browser and server code are apart", () => {
  it("marks every server module with server-only", () => {
    const unmarked = [...serverModules].filter((file) => !/^import "server-only";$/m.test(readFileSync(path.join(root, file), "utf8")));
    expect(unmarked).toEqual([]);
  });

  it("no browser module imports a server module for more than its types", () => {
    const offending = BROWSER_FOLDERS.flatMap(filesUnder).flatMap((file) =>
      valueImports(file)
        .filter((target) => serverByPath.has(target.replace(/\/index$/, "")))
        .map((target) => `${file} → ${target}`),
    );
    expect(offending).toEqual([]);
  });

  it("sees the imports it checks (a type-only import is not one)", () => {
    expect(valueImports("lib/client/verdicts.ts")).toContain("lib/client/owner");
    expect(valueImports("lib/client/verdicts.ts")).not.toContain("lib/verdicts/verdict");
  });
});
