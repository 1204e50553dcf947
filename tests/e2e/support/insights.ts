import type { Page } from "@playwright/test";

type Row = [label: string, shape: string, rate: number, low: number, high: number, wtl: [number, number, number], cost: number, latencyMs: number, tflops: number];

/** The Insights of one run of the paper directions (docs/insights-paper-directions.png): twelve setups, five crowded near the origin. */
const PAPER_DIRECTIONS: Row[] = [
  ["3 proposers → owl", "2×3", 0.88, 0.6, 0.97, [9, 3, 0], 0.0012, 850, 143],
  ["6 diverse → owl (2 layers)", "2×6", 0.85, 0.75, 0.91, [51, 20, 1], 0.0017, 922, 200],
  ["MoA 3 layers (owl)", "3×6", 0.69, 0.55, 0.8, [18, 30, 0], 0.0072, 1500, 826],
  ["2 proposers → owl", "2×2", 0.54, 0.29, 0.78, [4, 5, 3], 0.0009, 790, 110],
  ["MoA 4 layers (owl)", "4×6", 0.46, 0.22, 0.71, [0, 11, 1], 0.015, 2100, 1671],
  ["LLM-Ranker (owl picks, 3 layers)", "3×6", 0.33, 0.14, 0.61, [0, 8, 4], 0.007, 1110, 800],
  ["1 proposer → owl", "2×1", 0.24, 0.13, 0.4, [3, 11, 22], 0.0007, 777, 80.2],
  ["6 diverse → orca", "2×6", 0.13, 0.03, 0.4, [0, 3, 9], 0.0022, 954, 258],
  ["6× orca (T 0.7) → owl", "2×6", 0.13, 0.03, 0.4, [0, 3, 9], 0.0023, 798, 282],
  ["LLM-Ranker (owl picks, 2 layers)", "2×6", 0, 0, 0.24, [0, 0, 12], 0.0015, 535, 172],
  ["orca alone (best proposer)", "1×1", 0, 0, 0.24, [0, 0, 12], 0.0002, 413, 26.7],
  ["owl alone (1 layer)", "1×1", 0, 0, 0.24, [0, 0, 12], 0.0001, 304, 16.3],
];

export const INSIGHT_LABELS = PAPER_DIRECTIONS.map((r) => r[0]);

/** Serves those setups as this browser's Insights, so the chart's layout is tested on a known crowd. */
export async function servePaperDirectionsInsights(page: Page): Promise<void> {
  const setups = PAPER_DIRECTIONS.map(([label, shape, rate, low, high, [wins, ties, losses], cost, latency, tflops], i) => ({
    id: `setup-${i}`,
    label,
    shape,
    runs: 12,
    quality: { n: wins + ties + losses, wins, ties, losses, unreadable: 0, rate, low, high },
    meanCostUsd: cost,
    costEstimated: false,
    meanLatencyMs: latency,
    meanTflops: tflops,
    tflopsUnknown: false,
  }));
  // The page asks only when this browser has an owner secret.
  await page.addInitScript(() => localStorage.setItem("moa-owner", "insights-fixture-owner-secret-0123456789abcdef"));
  await page.route("**/api/insights", (route) => route.fulfill({ json: { setups, verdicts: 132 } }));
}
