/**
 * Words for the similarity metrics: NFC-normalised, lowercased, split on anything that is not
 * a letter, a digit or a combining mark (so "café" stays one word in any script, and
 * punctuation, markdown and emoji never count as words).
 */
export function tokenize(text: string): string[] {
  return text.normalize("NFC").toLowerCase().match(/[\p{L}\p{N}\p{M}]+/gu) ?? [];
}
