/**
 * MATH final answers: the last `\boxed{…}` (or `\fbox{…}`) of a solution, read with brace
 * matching so `\boxed{\frac{1}{2}}` keeps its inner braces, then normalised so that answers a
 * grader would accept as the same compare equal (Hendrycks et al.'s `is_equiv` idea, in our
 * own rules). Exact match after normalisation; no judge.
 */

const BOX_COMMANDS = ["\\boxed", "\\fbox"];

/** The content of the last `\boxed{…}` in `text`, or undefined when there is none or it never closes. */
export function extractBoxed(text: string): string | undefined {
  let start = -1;
  let command = "";
  for (const c of BOX_COMMANDS) {
    const at = text.lastIndexOf(c);
    if (at > start) {
      start = at;
      command = c;
    }
  }
  if (start < 0) return undefined;
  let i = start + command.length;
  while (text[i] === " ") i++;
  // `\boxed 5` (no braces) boxes the next token.
  if (text[i] !== "{") {
    const token = /^[^\s$]+/.exec(text.slice(i));
    return token?.[0];
  }
  let depth = 0;
  for (let j = i; j < text.length; j++) {
    if (text[j] === "{") depth++;
    else if (text[j] === "}") {
      depth--;
      if (depth === 0) return text.slice(i + 1, j);
    }
  }
  return undefined;
}

/**
 * A model's final answer: the last boxed expression, else the text after a closing
 * "answer is" phrase. Models that do not box are still read when they state it plainly.
 */
export function extractFinalAnswer(text: string): string | undefined {
  const boxed = extractBoxed(text);
  if (boxed !== undefined) return boxed;
  const stated = /(?:final answer|answer)\s*(?:is|:)\s*\$?([^\n$]+?)\$?\s*\.?\s*$/i.exec(text.trim());
  return stated?.[1]?.trim();
}

/** `\frac12` → `\frac{1}{2}`, `\sqrt2` → `\sqrt{2}`: single-token arguments get braces. */
function braceShortArguments(s: string): string {
  let out = s.replace(/\\sqrt(?![{\[])(\w)/g, "\\sqrt{$1}");
  out = out.replace(/\\frac(?!\{)(\w)(\w)/g, "\\frac{$1}{$2}");
  out = out.replace(/\\frac\{([^{}]*)\}(?!\{)(\w)/g, "\\frac{$1}{$2}");
  return out;
}

/** `\frac{a}{b}` with simple a, b → `a/b`, so `\frac{1}{2}` and `1/2` meet. */
function fractionsToSlash(s: string): string {
  let prev = "";
  let out = s;
  while (out !== prev) {
    prev = out;
    out = out.replace(/\\frac\{([^{}]+)\}\{([^{}]+)\}/g, (_m, a: string, b: string) => {
      const wrap = (x: string) => (/^-?[\w.]+$/.test(x) ? x : `(${x})`);
      return `${wrap(a)}/${wrap(b)}`;
    });
  }
  return out;
}

/** Plain decimals: `3.0` → `3`, `0.50` → `0.5`, `.5` → `0.5`, `1,000` → `1000`. */
function canonicalNumber(s: string): string {
  const n = s.replace(/^(-?)\./, "$10.");
  if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(n)) return canonicalNumber(n.replace(/,/g, ""));
  if (!/^-?\d+(\.\d+)?$/.test(n)) return s;
  const [whole, frac = ""] = n.split(".");
  const trimmed = frac.replace(/0+$/, "");
  const w = whole === "-0" && trimmed === "" ? "0" : whole;
  return trimmed ? `${w}.${trimmed}` : w;
}

/** A simple numeric fraction `a/b` (integers) in lowest terms with the sign in front. */
function reduceFraction(s: string): string {
  const m = /^(-?)\(?(-?\d+)\)?\/\(?(-?\d+)\)?$/.exec(s);
  if (!m) return s;
  let a = BigInt(m[2]);
  let b = BigInt(m[3]);
  if (b === 0n) return s;
  let negative = m[1] === "-";
  if (a < 0n) [a, negative] = [-a, !negative];
  if (b < 0n) [b, negative] = [-b, !negative];
  const gcd = (x: bigint, y: bigint): bigint => (y === 0n ? x : gcd(y, x % y));
  const g = gcd(a, b) || 1n;
  a /= g;
  b /= g;
  const sign = negative && a !== 0n ? "-" : "";
  return b === 1n ? `${sign}${a}` : `${sign}${a}/${b}`;
}

/** A canonical string for a MATH answer; two answers are equivalent when these are equal. */
export function normalizeMathAnswer(raw: string): string {
  let s = raw.trim();
  s = s.replace(/^\$+|\$+$/g, "");
  s = s.replace(/\\text\{\s*([^{}]*?)\s*\}/g, "$1").replace(/\\(?:mbox|mathrm|textbf)\{([^{}]*)\}/g, "$1");
  s = s.replace(/\\[dt]frac/g, "\\frac");
  s = s.replace(/\\left|\\right/g, "");
  s = s.replace(/\\!|\\,|\\;|\\:|\\ |~/g, "");
  s = s.replace(/\^\s*\{?\\circ\}?|°|\\degree/g, "");
  s = s.replace(/\\%|%/g, "");
  s = s.replace(/\\\$/g, "");
  // A trailing unit word ("5 units", "12 cm") is dropped; MATH graders ignore units.
  s = s.replace(/\s*(?:units?|degrees?|cm|meters?|inches|feet|dollars|cents)\s*$/i, "");
  // "x = 5" → "5" only for a single variable on the left.
  s = s.replace(/^[a-zA-Z]\s*=\s*/, "");
  s = s.replace(/\s+/g, "");
  s = braceShortArguments(s);
  s = fractionsToSlash(s);
  s = s.replace(/\.$/, "");
  s = canonicalNumber(s);
  s = reduceFraction(s);
  // "0.5" and "1/2" meet too: a terminating decimal compares as its reduced fraction.
  const decimal = /^(-?)(\d+)\.(\d+)$/.exec(s);
  if (decimal) s = reduceFraction(`${decimal[1]}${decimal[2]}${decimal[3]}/${10n ** BigInt(decimal[3].length)}`);
  return s;
}

/** Whether a model's answer equals the reference answer under MATH normalisation. */
export function mathAnswersEqual(answer: string, reference: string): boolean {
  return normalizeMathAnswer(answer) === normalizeMathAnswer(reference);
}

export interface MathScore {
  /** The answer read from the model's text, if any. */
  extracted?: string;
  /** The reference's boxed answer. */
  expected?: string;
  correct: boolean;
}

/** Score a model's full response against a MATH reference solution (exact match after normalisation). */
export function scoreMathResponse(response: string, referenceSolution: string): MathScore {
  const expected = extractBoxed(referenceSolution) ?? referenceSolution.trim();
  const extracted = extractFinalAnswer(response);
  return { extracted, expected, correct: extracted !== undefined && mathAnswersEqual(extracted, expected) };
}
