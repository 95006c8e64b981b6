/**
 * The answers to an experiment's evening check-in. Kept apart from the
 * experiment statistics so the Today screen, which asks the question, does not
 * load the statistics (and their t distribution) on every start.
 */
export const ADHERENCE_ANSWERS = ['yes', 'partly', 'no'] as const
export type AdherenceAnswer = (typeof ADHERENCE_ANSWERS)[number]
