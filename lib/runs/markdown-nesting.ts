import "server-only";
/**
 * Putting model-written Markdown inside a Markdown report without it taking over the report:
 * an answer's own `# Title` or `### Step 1` must not read as one of the report's sections, and
 * an answer cut off inside a code block must not swallow every section after it.
 */

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const ATX = /^( {0,3})(#{1,6})(?=[ \t]|$)/;
const SETEXT = /^ {0,3}(=+|-+)[ \t]*$/;
const BLOCK_START = /^ {0,3}([-*+>]|\d+[.)]|#{1,6}(\s|$)|`{3,}|~{3,})/;

/**
 * Verbatim text in a code block whose fence is longer than any run of backticks inside it, so
 * nothing in the text can close it early: the reader sees exactly what the model wrote.
 */
export function fenceVerbatim(text: string, info = "markdown"): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = "`".repeat(Math.max(3, longest + 1));
  return `${fence}${info}\n${text.replace(/\n+$/, "")}\n${fence}`;
}

/**
 * Rendered text whose headings all sit at `minLevel` or deeper (never past 6), so they nest
 * under the report's own section. Setext headings (a line of === or --- under text) become ATX
 * at the shifted level; code blocks are left alone, and one left open is closed at the end.
 */
export function demoteHeadings(text: string, minLevel: number): string {
  const lines = text.split("\n");
  const levels: number[] = [];
  let open = null as string | null;
  const kinds: ("code" | "atx" | "setext" | "text")[] = [];
  for (const [i, line] of lines.entries()) {
    const fence = line.match(FENCE);
    if (open !== null) {
      if (fence && fence[1][0] === open[0] && fence[1].length >= open.length && line.trim() === fence[1]) open = null;
      kinds.push("code");
    } else if (fence) {
      open = fence[1];
      kinds.push("code");
    } else if (ATX.test(line)) {
      levels.push(line.match(ATX)![2].length);
      kinds.push("atx");
    } else if (SETEXT.test(line) && kinds[i - 1] === "text" && lines[i - 1].trim() !== "" && !BLOCK_START.test(lines[i - 1])) {
      levels.push(line.trim()[0] === "=" ? 1 : 2);
      kinds.push("setext");
    } else {
      kinds.push("text");
    }
  }
  const shift = Math.max(0, minLevel - Math.min(7, ...levels));
  const out: string[] = [];
  kinds.forEach((kind, i) => {
    const line = lines[i];
    if (kind === "atx") {
      out.push(line.replace(ATX, (_, indent: string, hashes: string) => `${indent}${"#".repeat(Math.min(6, hashes.length + shift))}`));
    } else if (kind === "setext") {
      const level = line.trim()[0] === "=" ? 1 : 2;
      out[out.length - 1] = `${"#".repeat(Math.min(6, level + shift))} ${lines[i - 1].trim()}`;
    } else {
      out.push(line);
    }
  });
  if (open !== null) out.push(open);
  return out.join("\n");
}
