export { RANKER_PROMPT } from "./ranker";
export { buildJudgeMessages, parseJudgeVerdict, combineSwappedVerdicts, type JudgeVerdict } from "./judge";
export { moaAsGiven, moaLite, selfMoA, singleModel, SELF_MOA_TEMPERATURE } from "./variant-configs";
