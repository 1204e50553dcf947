export { RANKER_PROMPT, buildRankerMessages, parseRankerChoice, type RankerChoice } from "./ranker";
export {
  JUDGE_PROMPT,
  buildJudgeMessages,
  parseJudgeVerdict,
  combineSwappedVerdicts,
  type JudgeVerdict,
  type CombinedVerdict,
  type Winner,
} from "./judge";
export {
  variantConfigs,
  moaAsGiven,
  moaLite,
  selfMoA,
  singleModel,
  SELF_MOA_TEMPERATURE,
  type SelfMoAOptions,
} from "./variant-configs";
export { formatTranscript } from "./transcript";
