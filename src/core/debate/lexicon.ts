/**
 * The civility lexicon, shipped as data (never fetched). Kept deliberately small: words are matched as whole
 * tokens after normalisation (lower case, leetspeak undone, repeated letters collapsed), so "assess" or
 * "Scunthorpe" never match. Insult words count on their own only when they name a person; a phrase like
 * "a stupid policy" is robust language about an argument, not an attack.
 */
export interface CivilityLexicon {
  /** Name-calling nouns: an offence wherever they appear. */
  readonly insults: readonly string[];
  /** Adjectives that are an offence only aimed at a person ("you are stupid", "you ignorant ..."). */
  readonly attackAdjectives: readonly string[];
  /** Slurs: always an offence. */
  readonly slurs: readonly string[];
  /** Phrases (space-separated tokens) that attack or silence a person. */
  readonly attackPhrases: readonly string[];
}

export const CIVILITY_LEXICON: CivilityLexicon = {
  insults: [
    'idiot',
    'idiots',
    'moron',
    'morons',
    'imbecile',
    'imbeciles',
    'cretin',
    'cretins',
    'dumbass',
    'dumbasses',
    'jackass',
    'loser',
    'losers',
    'scumbag',
    'scumbags',
    'asshole',
    'assholes',
    'dickhead',
    'bastard',
    'bastards',
    'halfwit',
    'nitwit',
    'clown',
    'clowns',
    'troll',
  ],
  attackAdjectives: [
    'stupid',
    'dumb',
    'ignorant',
    'pathetic',
    'brainless',
    'clueless',
    'delusional',
    'idiotic',
    'moronic',
    'worthless',
  ],
  slurs: [
    'retard',
    'retards',
    'retarded',
    'faggot',
    'faggots',
    'tranny',
    'nigger',
    'niggers',
    'kike',
    'kikes',
    'spic',
    'spics',
    'chink',
    'chinks',
  ],
  attackPhrases: [
    'shut up',
    'shut your mouth',
    'kill yourself',
    'go to hell',
    'nobody asked you',
    'get lost',
    'piss off',
    'fuck off',
    'fuck you',
    'screw you',
  ],
};
