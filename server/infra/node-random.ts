import { randomInt } from 'node:crypto';
import type { RandomSource } from '../domain/quiz';

// randomInt needs a range below 2^48.
const RANGE = 2 ** 47;

/** A number in [0, 1) from the platform's cryptographic source: quiz orders nobody can predict. */
export const nodeRandom: RandomSource = () => randomInt(RANGE) / RANGE;
