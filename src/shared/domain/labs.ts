/**
 * Lab results: the four blood tests that matter most in RLS, their units and
 * conversions, and the thresholds the 2024 AASM guideline uses for iron
 * treatment (Winkelman et al., J Clin Sleep Med 2025;21(1):137–152). Pure.
 *
 * Values are stored in one canonical unit per test; what the user typed (value
 * and unit) is kept beside it so the record shows what the lab printed.
 */
export const ANALYTES = ['ferritin', 'tsat', 'magnesium', 'haemoglobin'] as const
export type Analyte = (typeof ANALYTES)[number]

export const LAB_UNITS = ['ng/mL', 'µg/L', '%', 'mg/dL', 'mmol/L', 'g/dL', 'g/L'] as const
export type LabUnit = (typeof LAB_UNITS)[number]

/** 1 mmol/L of magnesium = 2.43 mg/dL (molar mass 24.305 g/mol). */
export const MAGNESIUM_MG_DL_PER_MMOL_L = 2.43

export const ANALYTE_INFO: Record<Analyte, { label: string; canonical: LabUnit; units: readonly LabUnit[]; min: number; max: number }> = {
  ferritin: { label: 'Ferritin', canonical: 'ng/mL', units: ['ng/mL', 'µg/L'], min: 0, max: 10000 },
  tsat: { label: 'Transferrin saturation', canonical: '%', units: ['%'], min: 0, max: 100 },
  magnesium: { label: 'Serum magnesium', canonical: 'mg/dL', units: ['mg/dL', 'mmol/L'], min: 0, max: 20 },
  haemoglobin: { label: 'Haemoglobin', canonical: 'g/dL', units: ['g/dL', 'g/L'], min: 0, max: 30 }
}

/** Converts a value in `unit` to the analyte's canonical unit; throws for a unit the test is not reported in. */
export function toCanonical(analyte: Analyte, value: number, unit: LabUnit): number {
  const info = ANALYTE_INFO[analyte]
  if (!info.units.includes(unit)) throw new RangeError(`${info.label} is not reported in ${unit}.`)
  switch (unit) {
    case 'mmol/L':
      return value * MAGNESIUM_MG_DL_PER_MMOL_L
    case 'g/L':
      return value / 10
    default:
      // ng/mL and µg/L are the same quantity; % and the canonical units are unchanged.
      return value
  }
}

/** The canonical value expressed in another unit the test is reported in. */
export function fromCanonical(analyte: Analyte, value: number, unit: LabUnit): number {
  return value / toCanonical(analyte, 1, unit)
}

export const FERRITIN_DISCUSS_AT_OR_BELOW = 75
/** Up to this ferritin (above 75), the 2024 guideline considers intravenous iron, not tablets. */
export const FERRITIN_IV_ONLY_AT_OR_BELOW = 100
export const TSAT_DISCUSS_BELOW = 20

export const LAB_SOURCE =
  'Winkelman JW, Berkowski JA, DelRosso LM, et al. Treatment of restless legs syndrome and periodic limb movement disorder: an American Academy of Sleep Medicine clinical practice guideline. J Clin Sleep Med 2025;21(1):137–152. doi:10.5664/jcsm.11390 (the “AASM 2024” guideline, published online in 2024).'

/**
 * A gentle note when a value meets the 2024 guideline's threshold for
 * considering iron in RLS. Never a diagnosis: reference ranges differ between
 * labs and only a doctor can weigh the whole picture.
 */
export function labNote(analyte: Analyte, canonicalValue: number): string | null {
  if (analyte === 'ferritin' && canonicalValue <= FERRITIN_DISCUSS_AT_OR_BELOW) {
    return `At or below ${FERRITIN_DISCUSS_AT_OR_BELOW} ng/mL: the 2024 AASM guideline suggests iron may help people with RLS at this level. Worth discussing with your doctor.`
  }
  if (analyte === 'ferritin' && canonicalValue <= FERRITIN_IV_ONLY_AT_OR_BELOW) {
    return `Between ${FERRITIN_DISCUSS_AT_OR_BELOW} and ${FERRITIN_IV_ONLY_AT_OR_BELOW} ng/mL: in this band the 2024 AASM guideline considers only intravenous iron for RLS (not tablets). Worth discussing with your doctor.`
  }
  if (analyte === 'tsat' && canonicalValue < TSAT_DISCUSS_BELOW) {
    return `Below ${TSAT_DISCUSS_BELOW} %: the 2024 AASM guideline suggests iron may help people with RLS at this level. Worth discussing with your doctor.`
  }
  return null
}

/**
 * The value as shown, in its canonical unit. Rounding never contradicts a
 * note: a value on one side of a guideline threshold is never shown on the
 * other (TSAT 19.6 % is "19.6 %", not "20 %" beside "below 20 %"); it gets
 * as many decimals as that takes (up to two), then is cut toward its side.
 */
export function formatLab(analyte: Analyte, canonicalValue: number): string {
  const unit = ANALYTE_INFO[analyte].canonical
  const suffix = unit === '%' ? ' %' : ` ${unit}`
  const base = analyte === 'magnesium' || analyte === 'haemoglobin' ? 1 : 0
  const note = labNote(analyte, canonicalValue)
  for (let decimals = base; decimals <= 2; decimals++) {
    const shown = Number(canonicalValue.toFixed(decimals))
    if (labNote(analyte, shown) === note) return `${canonicalValue.toFixed(decimals)}${suffix}`
  }
  // Still on the wrong side at two decimals (e.g. 19.999): cut toward the value's own side.
  const f = 100
  const cut =
    labNote(analyte, Math.floor(canonicalValue * f) / f) === note ? Math.floor(canonicalValue * f) / f : Math.ceil(canonicalValue * f) / f
  return `${cut.toFixed(2)}${suffix}`
}

/** The conditions of a blood draw in words, for the lab list and the report; empty when none were recorded. */
export function drawConditions(morningDraw: boolean | null, ironPaused: boolean | null): string {
  const parts: string[] = []
  if (morningDraw !== null) parts.push(morningDraw ? 'morning draw' : 'not a morning draw')
  if (ironPaused !== null) parts.push(ironPaused ? 'iron paused 24 h before' : 'iron not paused')
  return parts.join(', ')
}

/** What the 2024 guideline asks of an iron test, for the form's hint. */
export const DRAW_ADVICE =
  'For ferritin and transferrin saturation the 2024 AASM guideline asks for blood taken in the morning, with iron supplements stopped for 24 hours before. Ferritin also rises with inflammation or infection, so note anything like that.'
