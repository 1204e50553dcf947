export interface Tally {
  totals: { passed: number; failed: number; skipped: number };
  failures: string[];
  countStep(name: string, status: number): void;
  addVitest(file: string, status: number): void;
  addPlaywright(file: string, status: number): void;
}
export function createTally(root: string): Tally;
