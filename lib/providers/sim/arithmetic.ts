/**
 * The arithmetic a simulated model can actually do: find the expression a math question asks
 * for, evaluate it exactly (fractions, not floats), and write the result as MATH writes answers.
 * Nothing here knows a benchmark's answers; a problem the sim cannot parse is one it cannot solve.
 */

/** An exact rational number, always in lowest terms with a positive denominator. */
export interface Rational {
  n: bigint;
  d: bigint;
}

const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? (a < 0n ? -a : a) : gcd(b, a % b));

export function rational(n: bigint, d = 1n): Rational {
  if (d === 0n) throw new RangeError("division by zero");
  const sign = d < 0n ? -1n : 1n;
  const g = gcd(n, d) || 1n;
  return { n: (sign * n) / g, d: (sign * d) / g };
}

const add = (a: Rational, b: Rational) => rational(a.n * b.d + b.n * a.d, a.d * b.d);
const sub = (a: Rational, b: Rational) => rational(a.n * b.d - b.n * a.d, a.d * b.d);
const mul = (a: Rational, b: Rational) => rational(a.n * b.n, a.d * b.d);
const div = (a: Rational, b: Rational) => rational(a.n * b.d, a.d * b.n);

/** Whole powers only, and small ones: a sim does not write 10^400. */
function pow(a: Rational, b: Rational): Rational {
  if (b.d !== 1n || b.n > 64n || b.n < -64n) throw new RangeError("unsupported power");
  const e = b.n < 0n ? -b.n : b.n;
  const r = rational(a.n ** e, a.d ** e);
  return b.n < 0n ? div(rational(1n), r) : r;
}

const OPS = { "+": add, "-": sub, "*": mul, "/": div, "^": pow } as const;
type Op = keyof typeof OPS;

type Token = { num: Rational } | { op: Op | "(" | ")" };

function tokenizeExpression(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(/\d+(?:\.\d+)?|[-+*/^()]|\S/g)) {
    const t = m[0];
    if (/^\d/.test(t)) {
      const [whole, frac = ""] = t.split(".");
      tokens.push({ num: rational(BigInt(whole + frac), 10n ** BigInt(frac.length)) });
    } else if ("+-*/^()".includes(t)) tokens.push({ op: t as Op | "(" | ")" });
    else throw new SyntaxError(`unexpected ${t}`);
  }
  return tokens;
}

/** How an expression is read: by the usual precedence, or (a classic slip) strictly left to right. */
type Reading = "precedence" | "left-to-right";

/** Recursive descent over the tokens: + − below × ÷ below ^ (right-associative), unary minus, parentheses. */
function evaluateTokens(tokens: Token[], reading: Reading): Rational {
  let i = 0;
  const peek = () => tokens[i];
  const isOp = (t: Token | undefined, ...ops: string[]): t is { op: Op } => t !== undefined && "op" in t && ops.includes(t.op);
  const primary = (): Rational => {
    const t = tokens[i++];
    if (!t) throw new SyntaxError("unexpected end");
    if ("num" in t) return t.num;
    if (t.op === "-") return sub(rational(0n), primary());
    if (t.op === "(") {
      const value = expression();
      if (!isOp(tokens[i++], ")")) throw new SyntaxError("unclosed parenthesis");
      return value;
    }
    throw new SyntaxError(`unexpected ${t.op}`);
  };
  const power = (): Rational => {
    const base = primary();
    if (!isOp(peek(), "^")) return base;
    i++;
    return pow(base, power());
  };
  const term = (): Rational => {
    let value = power();
    while (isOp(peek(), "*", "/") || isOp(peek(), "(")) {
      // "2(3+4)" multiplies.
      const op = isOp(peek(), "(") ? "*" : (tokens[i++] as { op: Op }).op;
      value = OPS[op](value, power());
    }
    return value;
  };
  const expression = (): Rational => {
    if (reading === "left-to-right") {
      let value = power();
      while (isOp(peek(), "+", "-", "*", "/")) {
        const op = (tokens[i++] as { op: Op }).op;
        value = OPS[op](value, power());
      }
      return value;
    }
    let value = term();
    while (isOp(peek(), "+", "-")) {
      const op = (tokens[i++] as { op: Op }).op;
      value = OPS[op](value, term());
    }
    return value;
  };
  const value = expression();
  if (i !== tokens.length) throw new SyntaxError("trailing tokens");
  return value;
}

export function evaluate(expression: string, reading: Reading = "precedence"): Rational | undefined {
  try {
    return evaluateTokens(tokenizeExpression(expression), reading);
  } catch {
    return undefined;
  }
}

/** LaTeX and typographic operators to plain ones: `\frac{a}{b}` → `((a)/(b))`, `\times` → `*`. */
export function plainArithmetic(latex: string): string {
  let s = latex.replace(/\\left|\\right|\\,|\\!|\\;/g, "");
  let previous = "";
  while (s !== previous) {
    previous = s;
    s = s.replace(/\\[dt]?frac\s*\{([^{}]*)\}\s*\{([^{}]*)\}/g, "(($1)/($2))");
  }
  return s
    .replace(/\\times|×|\\cdot|·|⋅/g, "*")
    .replace(/\\div|÷/g, "/")
    .replace(/−|–/g, "-")
    .replace(/[{[]/g, "(")
    .replace(/[}\]]/g, ")")
    .replace(/(\d),(\d{3})\b/g, "$1$2");
}

/** Words that make a question a request to calculate, not prose that happens to hold "5-7-5". */
const ASKS_TO_CALCULATE = /\b(?:compute|calculate|evaluate|simplify|what is|how much is)\s+(?:the value of\s+)?/i;
const EXPRESSION = /[\d(][\d\s+\-*/^().]*[\d)]/g;
const HAS_OPERATOR = /\d[\s)]*[-+*/^][\s(-]*\d/;

function longestComputable(source: string): string | undefined {
  const candidates = [...source.matchAll(EXPRESSION)].map((m) => m[0].trim()).filter((e) => HAS_OPERATOR.test(e));
  const longest = candidates.sort((a, b) => b.length - a.length)[0];
  return longest !== undefined && evaluate(longest) !== undefined ? longest : undefined;
}

/**
 * The expression a question asks to calculate, or undefined when it asks for none: inside
 * `$…$` when the question has math mode; else only right after a word such as "compute" and
 * ending the clause ("What is 1,000 - 1?"), so "What is a 2-3 tree?" stays prose. Needs at
 * least one operator between two numbers.
 */
export function expressionOf(question: string): string | undefined {
  const math = [...question.matchAll(/\$([^$]+)\$/g)].map((m) => m[1]);
  if (math.length > 0) return longestComputable(plainArithmetic(math.join(" ; ")));
  const cue = ASKS_TO_CALCULATE.exec(question);
  if (!cue) return undefined;
  const rest = plainArithmetic(question.slice(cue.index + cue[0].length));
  const expression = /^[\d(][\d\s+\-*/^().]*[\d)]/.exec(rest)?.[0].trim();
  if (expression === undefined || !HAS_OPERATOR.test(expression)) return undefined;
  const after = rest.slice(rest.indexOf(expression) + expression.length).trim();
  return (after === "" || /^[?.!,;:]/.test(after)) && evaluate(expression) !== undefined ? expression : undefined;
}

/** A MATH-style answer: `12`, `-3`, `\frac{7}{3}`, `-\frac{1}{2}`. */
export function formatRational(r: Rational): string {
  if (r.d === 1n) return r.n.toString();
  const sign = r.n < 0n ? "-" : "";
  return `${sign}\\frac{${r.n < 0n ? -r.n : r.n}}{${r.d}}`;
}

export const sameRational = (a: Rational, b: Rational) => a.n === b.n && a.d === b.d;

/**
 * Plausible wrong results for an expression, most tempting first: reading it left to right,
 * an arithmetic slip of one or ten, a lost sign, the last operation dropped. Each differs from
 * the right result; which one a model makes is the caller's (seeded) choice.
 */
export function slipsOf(expression: string, correct: Rational): Rational[] {
  const slips: Rational[] = [];
  const push = (r: Rational | undefined) => {
    if (r && !sameRational(r, correct) && !slips.some((s) => sameRational(s, r))) slips.push(r);
  };
  push(evaluate(expression, "left-to-right"));
  push(add(correct, rational(1n, correct.d)));
  push(sub(correct, rational(correct.d === 1n ? 10n : 1n, correct.d)));
  push(rational(-correct.n, correct.d));
  const lastOp = Math.max(expression.lastIndexOf("+"), expression.lastIndexOf("-"), expression.lastIndexOf("*"), expression.lastIndexOf("/"));
  if (lastOp > 0) push(evaluate(expression.slice(0, lastOp)));
  push(add(correct, rational(2n, correct.d)));
  return slips;
}
