import { buildRankerMessages } from "../variants/ranker";
import { selectorStrategy } from "./selector";
import type { Strategy } from "./strategy";

/** The MoA paper's LLM-Ranker baseline (Table 5): the final agent picks an answer instead of writing one. */
export const rankerStrategy = (): Strategy => selectorStrategy("ranker", buildRankerMessages);
