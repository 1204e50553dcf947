import type { MoAConfig } from "../config";
import { councilStrategy } from "./council";
import { fusionStrategy } from "./fusion";
import { rankFuseStrategy } from "./rank-fuse";
import { rankerStrategy } from "./ranker";
import { rmoaStrategy } from "./rmoa";
import { selfMoASeqStrategy } from "./self-moa-seq";
import { smoaStrategy } from "./smoa";
import type { Strategy } from "./strategy";
import { uscStrategy } from "./usc";

/** The strategy the engine runs a config with; undefined for MoA and Self-MoA, which are plain layers. */
export function strategyFor(config: MoAConfig): Strategy | undefined {
  const method = config.method;
  switch (method?.kind) {
    case undefined:
    case "moa":
    case "self-moa":
      return undefined;
    case "self-moa-seq":
      return selfMoASeqStrategy(method);
    case "ranker":
      return rankerStrategy();
    case "rank-fuse":
      return rankFuseStrategy(method);
    case "usc":
      return uscStrategy();
    case "smoa":
      return smoaStrategy(method);
    case "rmoa":
      return rmoaStrategy(method);
    case "fusion":
      return fusionStrategy();
    case "council":
      return councilStrategy();
  }
}
