export * from './types.js';
export * from './session.js';
export * from './format.js';
export * from './votes.js';
export * from './transcript.js';
export {
  checkCivility,
  normaliseTokens,
  isShouting,
  type CivilityVerdict,
  type CivilityHit,
  type CivilityCategory,
} from './civility.js';
export { CIVILITY_LEXICON, type CivilityLexicon } from './lexicon.js';
