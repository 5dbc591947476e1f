/**
 * Property tests draw new random inputs on every local run, to keep finding new cases; under CI (`CI` set) they
 * use one fixed seed, so a landing run is reproducible and a failure there is the same failure anywhere
 * (`FC_SEED` overrides the seed in both cases; fast-check prints the seed of any failure).
 */
import fc from 'fast-check';

const seed = process.env.FC_SEED ?? (process.env.CI ? '20261122' : undefined);
if (seed !== undefined) fc.configureGlobal({ seed: Number(seed) });
