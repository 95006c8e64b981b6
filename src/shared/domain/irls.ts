/**
 * The International RLS Study Group rating scale (IRLS) total, as scored by a
 * clinician. The questionnaire itself is licensed (Mapi Research Trust) and is
 * not reproduced here: Stillwell only keeps the total and its date.
 *
 * Severity bands: Walters AS et al. Validation of the International Restless
 * Legs Syndrome Study Group rating scale for restless legs syndrome. Sleep Med
 * 2003;4(2):121–132 (mild 1–10, moderate 11–20, severe 21–30, very severe 31–40).
 */
export const IRLS_MAX = 40

export const IRLS_BANDS = [
  { from: 0, to: 0, label: 'none' },
  { from: 1, to: 10, label: 'mild' },
  { from: 11, to: 20, label: 'moderate' },
  { from: 21, to: 30, label: 'severe' },
  { from: 31, to: 40, label: 'very severe' }
] as const

export function irlsBand(total: number): string {
  return IRLS_BANDS.find((b) => total >= b.from && total <= b.to)?.label ?? ''
}

export const IRLS_SOURCE =
  'Walters AS et al. Validation of the International Restless Legs Syndrome Study Group rating scale for restless legs syndrome. Sleep Med 2003;4(2):121–132.'
