export { buildSummaryModel, cosine, textRank, ineligibility } from './model.js';
export { summarise } from './select.js';
export { rouge, type RougeScores } from './rouge.js';
export * from './types.js';
