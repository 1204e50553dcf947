const rules = new Intl.PluralRules("en-US");

/**
 * "1 agent", "3 agents", "0 answers": a count with its noun in the right number. `many` is for
 * nouns whose plural is not noun + "s"; `bare` leaves the count out ("agent" / "agents").
 */
export function plural(count: number, one: string, { many = `${one}s`, bare = false }: { many?: string; bare?: boolean } = {}): string {
  const noun = rules.select(count) === "one" ? one : many;
  return bare ? noun : `${count.toLocaleString("en-US")} ${noun}`;
}
