/**
 * Answers a hostile or careless model could stream. Each one aims at a different way
 * untrusted text could hurt the viewer of a run: markup that executes, links that run
 * code, images that phone home, text that breaks layout, and sizes that freeze the tab.
 */

export const MARKUP_PAYLOADS = [
  "<script>window.__pwned=1</script>",
  '<img src=x onerror="window.__pwned=2">',
  "[click](javascript:window.__pwned=3)",
  '<a href="javascript:alert(1)">x</a>',
  '<iframe src="javascript:alert(1)"></iframe>',
  // Rendered as a link by the app, so the viewer's browser never fetches it.
  "![x](https://example.invalid/x.png)",
  '<svg onload="window.__pwned=6"></svg>',
  "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
] as const;

/** RTL override, zero-width joiner sequences, skin tones, combining marks, an astral letter. */
export const ODD_UNICODE = [
  "rtl:\u202Egnp.exe\u202C",
  "family:\u{1F469}\u200D\u{1F469}\u200D\u{1F467}\u200D\u{1F466}",
  "thumbs:\u{1F44D}\u{1F3FD}",
  "zalgo:Z\u0334\u0321a\u0337l\u0336g\u0338o\u0335",
  "astral:\u{1D518}\u{13000}",
] as const;

export function markupAnswer(): string {
  const blocks = MARKUP_PAYLOADS.map((p, i) => `Payload ${i + 1}: ${p}`);
  return [...blocks, "Block script on its own line:", "", "<script>window.__pwned=7</script>", "", ...ODD_UNICODE, "END-OF-MARKUP"].join("\n\n");
}

export const LINE_CHARS = 200_000;
export const LINE_HEAD = "LINE-HEAD-";
export const LINE_TAIL = "-LINE-TAIL";

/** One word of 200,000 characters: no space for the browser to break the line at. */
export function hugeLineAnswer(): string {
  const body = "x".repeat(LINE_CHARS - LINE_HEAD.length - LINE_TAIL.length);
  return `${LINE_HEAD}${body}${LINE_TAIL}`;
}

export const MEGA_HEAD = "MEGA-HEAD";
export const MEGA_TAIL = "MEGA-TAIL-MARKER";

/**
 * About 1 MB. The fake upstream streams one whitespace-separated word per token, so long
 * words keep the event count near a thousand rather than a hundred thousand.
 */
export function megaAnswer(): string {
  const word = "abcdefghij".repeat(100); // 1,000 chars
  const words: string[] = [MEGA_HEAD];
  for (let i = 0; i < 1_000; i += 1) words.push(`${i % 10 === 9 ? "\n\n" : " "}${word}`);
  words.push(` ${MEGA_TAIL}`);
  return words.join("");
}

export function aggregatorAnswer(): string {
  return ["Final: <script>window.__pwned=4</script>", '<img src=x onerror="window.__pwned=5">', "[go](javascript:window.__pwned=8)", "FINAL-DONE"].join("\n\n");
}
