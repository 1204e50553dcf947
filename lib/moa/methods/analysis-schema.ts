import { z } from "zod";

/** One finding of a Fusion analysis, with the (1-based) answers it comes from as the aggregator numbered them. */
export const findingSchema = z.object({
  text: z.string().trim().min(1).max(2_000),
  answers: z.array(z.number().int().min(1).max(64)).max(64).default([]),
});

/**
 * What a Fusion-style aggregator says about its inputs before it writes: where they agree,
 * where they contradict each other, what only one of them saw, and what all of them missed.
 */
export const fusionAnalysisSchema = z.object({
  consensus: z.array(findingSchema).max(40).default([]),
  contradictions: z.array(findingSchema).max(40).default([]),
  unique: z.array(findingSchema).max(40).default([]),
  blindSpots: z.array(findingSchema).max(40).default([]),
});

export type Finding = z.infer<typeof findingSchema>;
export type FusionAnalysis = z.infer<typeof fusionAnalysisSchema>;
export const ANALYSIS_SECTIONS = ["consensus", "contradictions", "unique", "blindSpots"] as const;
