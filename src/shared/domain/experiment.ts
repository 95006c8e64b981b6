/**
 * Personal (n-of-1) experiments: the design, which night belongs to which
 * period, and the statistics that compare them. Pure: no I/O, no clock.
 *
 * Statistics, briefly (see also the README; the functions live in ./stats,
 * shared with Insights' factor comparisons):
 * - The outcome is compared as trial mean − baseline mean over the nights
 *   logged in each period (every logged night counts, whatever the adherence
 *   answer: an "as planned" analysis would flatter the change).
 * - 95 % interval for the difference: Welch's t interval (each period's own
 *   variance, Welch–Satterthwaite degrees of freedom). A seeded simulation in
 *   the unit tests shows it covers the true difference at least 93 % of the
 *   time at 5, 7, 14 and 30 nights a period, for normal and for skewed 0–10
 *   outcomes; the percentile bootstrap used before covered only ~88 % at five
 *   nights, so about one experiment in eight with no real effect got a verdict.
 * - Effect size: Hedges' g (pooled SD, small-sample correction), shown only
 *   when the interval gives a verdict.
 * Nights in a row are not independent (a bad week stays bad), so the interval
 * is, if anything, too narrow; the verdict says so in its caveats.
 */
import type { AdherenceAnswer } from './adherence'
import type { NightFactors } from '../schemas/journal'
import { addDays, daysBetween, nightFlags } from './journal'
import { hedgesG, mean, sampleVariance, welchInterval } from './stats'

export const OUTCOMES = ['severity', 'efficiency', 'quality'] as const
export type Outcome = (typeof OUTCOMES)[number]

export const OUTCOME_INFO: Record<Outcome, { label: string; unit: string; betterWhen: 'lower' | 'higher'; decimals: number }> = {
  severity: { label: 'symptom severity (0–10)', unit: '', betterWhen: 'lower', decimals: 1 },
  efficiency: { label: 'sleep efficiency', unit: '%', betterWhen: 'higher', decimals: 1 },
  quality: { label: 'sleep quality (1–5)', unit: '', betterWhen: 'higher', decimals: 2 }
}

export { ADHERENCE_ANSWERS, type AdherenceAnswer } from './adherence'

export const EXPERIMENT_TITLE_MAX = 120
export const EXPERIMENT_NOTES_MAX = 2000
export const PERIOD_NIGHTS_MIN = 3
export const PERIOD_NIGHTS_MAX = 90
export const BLOCK_NIGHTS_MIN = 2
export const BLOCK_NIGHTS_MAX = 30
export const DEFAULT_PERIOD_NIGHTS = 14
/** Below this many logged nights in either period no verdict is given at all. */
export const MIN_NIGHTS_FOR_VERDICT = 5
/** Below this many in either period the verdict warns that the nights are few. */
export const FEW_NIGHTS = 14

export interface ExperimentDesign {
  /** First night ('YYYY-MM-DD', the evening it begins). */
  startDate: string
  baselineNights: number
  trialNights: number
  /** Alternate baseline and trial blocks of this many nights; null for one baseline then one trial. */
  blockNights: number | null
}

export type Phase = 'baseline' | 'trial'

export function totalNights(design: ExperimentDesign): number {
  return design.baselineNights + design.trialNights
}

export function endDate(design: ExperimentDesign): string {
  return addDays(design.startDate, totalNights(design) - 1)
}

/**
 * Which period a night belongs to, or null outside the experiment. With
 * blocks, periods alternate baseline, trial, baseline… until one period has
 * its nights; the other then takes the rest.
 */
export function phaseOf(design: ExperimentDesign, date: string): Phase | null {
  const index = daysBetween(design.startDate, date)
  if (index < 0 || index >= totalNights(design)) return null
  if (design.blockNights === null) return index < design.baselineNights ? 'baseline' : 'trial'
  let baselineLeft = design.baselineNights
  let trialLeft = design.trialNights
  let phase: Phase = 'baseline'
  let position = 0
  while (position <= index) {
    const left = phase === 'baseline' ? baselineLeft : trialLeft
    const size = Math.min(design.blockNights, left)
    if (index < position + size) return phase
    position += size
    if (phase === 'baseline') baselineLeft -= size
    else trialLeft -= size
    const other: Phase = phase === 'baseline' ? 'trial' : 'baseline'
    if ((other === 'baseline' ? baselineLeft : trialLeft) > 0) phase = other
  }
  return phase
}

/** 1-based night number within the experiment, or null outside it. */
export function dayNumber(design: ExperimentDesign, date: string): number | null {
  const index = daysBetween(design.startDate, date)
  return index >= 0 && index < totalNights(design) ? index + 1 : null
}

// ---------------------------------------------------------------- statistics

// ---------------------------------------------------------------- result

export interface ExperimentNight {
  date: string
  severity: number
  sleepEfficiency: number
  /** 1–5 or null when not answered. */
  quality: number | null
  factors: Pick<NightFactors, 'caffeineDrinks' | 'caffeineLast' | 'alcoholDrinks' | 'exerciseMinutes' | 'exerciseEvening' | 'magnesiumMg'>
}

export interface PeriodSummary {
  nightsPlanned: number
  /** Nights of this period that are over (up to "last night"). */
  nightsSoFar: number
  nightsLogged: number
  /** Nights with a value for the chosen outcome. */
  nightsUsed: number
  mean: number | null
  sd: number | null
}

export interface ExperimentResult {
  outcome: Outcome
  baseline: PeriodSummary
  trial: PeriodSummary
  /** Trial − baseline; null until both periods have a night. */
  difference: number | null
  effectSize: number | null
  ci: { low: number; high: number } | null
  /** Whether the trial looks better, worse, or the interval includes no difference. */
  direction: 'better' | 'worse' | 'unclear' | 'not-enough'
  adherence: { answered: number; yes: number; partly: number; no: number; rate: number | null }
  /** Built-in factors whose share of nights differed clearly between periods. */
  confounders: { label: string; baselineShare: number; trialShare: number }[]
  verdict: string
  caveats: string[]
  complete: boolean
}

const CONFOUNDERS = [
  { key: 'caffeineAfter14', label: 'caffeine after 14:00' },
  { key: 'alcohol', label: 'alcohol' },
  { key: 'eveningExercise', label: 'evening exercise' },
  { key: 'magnesium', label: 'a magnesium supplement' }
] as const
/** A factor is flagged when its share of nights differs by this much (20 percentage points). */
const CONFOUNDER_GAP = 0.2

export function outcomeValue(night: ExperimentNight, outcome: Outcome): number | null {
  if (outcome === 'severity') return night.severity
  if (outcome === 'efficiency') return night.sleepEfficiency
  return night.quality
}

export function formatNumber(value: number, decimals: number): string {
  const factor = 10 ** decimals
  const rounded = Math.round(value * factor) / factor
  return (rounded === 0 ? 0 : rounded).toFixed(decimals)
}

/**
 * Hedges' g with the direction spelled out, e.g. "−0.85 (trial lower; lower
 * is better)" for severity. Without one, why not: it is given only with a
 * verdict, and an empty dash would look like a missing number.
 */
export function effectSizeText({ effectSize, outcome, direction }: Pick<ExperimentResult, 'effectSize' | 'outcome' | 'direction'>): string {
  if (effectSize === null) {
    if (direction === 'not-enough') return 'not given: too few nights to compare'
    if (direction === 'unclear') return 'not given: the interval includes no difference'
    return 'not given: the nights hardly vary'
  }
  const info = OUTCOME_INFO[outcome]
  const text = formatNumber(effectSize, 2)
  const shown = Number(text) === 0 ? '0.00' : text.replace('-', '−')
  const side = effectSize < 0 ? 'lower' : 'higher'
  return `${shown} (trial ${side}; ${info.betterWhen} is better)`
}

/** A difference between the periods as the verdict words it: signed, and in points for a percentage (−2.7 points). */
export function differenceText(value: number, outcome: Outcome): string {
  const info = OUTCOME_INFO[outcome]
  return signed(value, info.decimals, info.unit)
}

function signed(value: number, decimals: number, unit: string): string {
  const text = formatNumber(Math.abs(value), decimals)
  const sign = Number(text) === 0 ? '' : value < 0 ? '−' : '+'
  return `${sign}${text}${unit === '%' ? ' points' : ''}`
}

function nightsWord(n: number): string {
  return n === 1 ? '1 night' : `${n} nights`
}

export interface ResultInput {
  design: ExperimentDesign
  outcome: Outcome
  change: string
  nights: readonly ExperimentNight[]
  adherence: readonly { date: string; answer: AdherenceAnswer }[]
  /** The last night that is over ("last night"), to count the nights so far. */
  lastNight: string
  /** True when the experiment was ended early. */
  stopped?: boolean
  /** The outcome's mean over the 30 nights before the experiment, for the regression-to-the-mean check. */
  priorMean?: number | null
}

export function experimentResult(input: ResultInput): ExperimentResult {
  const { design, outcome } = input
  const info = OUTCOME_INFO[outcome]
  const end = endDate(design)
  const lastCounted = input.lastNight < end ? input.lastNight : end
  const values: Record<Phase, number[]> = { baseline: [], trial: [] }
  const logged: Record<Phase, number> = { baseline: 0, trial: 0 }
  const flags: Record<Phase, Record<string, { yes: number; known: number }>> = { baseline: {}, trial: {} }
  for (const night of input.nights) {
    const phase = phaseOf(design, night.date)
    if (!phase || night.date > lastCounted) continue
    logged[phase]++
    const v = outcomeValue(night, outcome)
    if (v !== null && Number.isFinite(v)) values[phase].push(v)
    const f = nightFlags(night.factors)
    for (const c of CONFOUNDERS) {
      const slot = (flags[phase][c.key] ??= { yes: 0, known: 0 })
      const value = f[c.key]
      if (value === null) continue
      slot.known++
      if (value) slot.yes++
    }
  }

  const soFar: Record<Phase, number> = { baseline: 0, trial: 0 }
  for (let d = design.startDate; d <= lastCounted; d = addDays(d, 1)) soFar[phaseOf(design, d)!]++

  const summary = (phase: Phase, planned: number): PeriodSummary => {
    const vs = values[phase]
    const variance = sampleVariance(vs)
    return {
      nightsPlanned: planned,
      nightsSoFar: soFar[phase],
      nightsLogged: logged[phase],
      nightsUsed: vs.length,
      mean: mean(vs),
      sd: variance === null ? null : Math.sqrt(variance)
    }
  }
  const baseline = summary('baseline', design.baselineNights)
  const trial = summary('trial', design.trialNights)

  const counts = { answered: 0, yes: 0, partly: 0, no: 0 }
  for (const a of input.adherence) {
    if (!phaseOf(design, a.date) || a.date > lastCounted) continue
    counts.answered++
    counts[a.answer]++
  }
  const adherence = { ...counts, rate: counts.answered > 0 ? (counts.yes + counts.partly / 2) / counts.answered : null }

  const confounders: ExperimentResult['confounders'] = []
  for (const c of CONFOUNDERS) {
    const b = flags.baseline[c.key]
    const t = flags.trial[c.key]
    if (!b || !t || b.known === 0 || t.known === 0) continue
    const bs = b.yes / b.known
    const ts = t.yes / t.known
    if (Math.abs(bs - ts) >= CONFOUNDER_GAP) confounders.push({ label: c.label, baselineShare: bs, trialShare: ts })
  }

  const a = values.baseline
  const b = values.trial
  const difference = a.length > 0 && b.length > 0 ? mean(b)! - mean(a)! : null
  const enough = a.length >= MIN_NIGHTS_FOR_VERDICT && b.length >= MIN_NIGHTS_FOR_VERDICT
  const interval = enough ? welchInterval(a, b) : null
  const ci = interval ? { low: interval.low, high: interval.high } : null
  const complete = input.lastNight >= end || input.stopped === true

  let direction: ExperimentResult['direction'] = 'not-enough'
  if (enough && ci) {
    if (ci.low > 0 || ci.high < 0) {
      const up = ci.low > 0
      direction = (up && info.betterWhen === 'higher') || (!up && info.betterWhen === 'lower') ? 'better' : 'worse'
    } else direction = 'unclear'
  }

  // An effect size next to "can't tell" would read as a finding: it is given only with a verdict.
  const effectSize = direction === 'better' || direction === 'worse' ? hedgesG(a, b) : null

  const fmt = (v: number): string => `${formatNumber(v, info.decimals)}${info.unit}`
  let verdict: string
  const prefix = complete ? '' : 'So far: '
  if (direction === 'not-enough') {
    verdict =
      `${prefix}Not enough nights to compare yet: ${nightsWord(a.length)} in the baseline and ${nightsWord(b.length)} in the trial ` +
      `have a ${outcome === 'quality' ? 'sleep quality answer' : 'value'} (at least ${MIN_NIGHTS_FOR_VERDICT} in each are needed).`
  } else {
    const range = `${signed(ci!.low, info.decimals, info.unit)} to ${signed(ci!.high, info.decimals, info.unit)}`
    const compared = `Your ${info.label} averaged ${fmt(mean(b)!)} in the trial and ${fmt(mean(a)!)} in the baseline (a difference of ${signed(difference!, info.decimals, info.unit)}; 95 % interval ${range}).`
    if (direction === 'unclear') {
      verdict = `${prefix}${compared} The interval includes no difference, so these nights can't tell whether the change helped.`
    } else if (direction === 'better') {
      verdict = `${prefix}${compared} The trial nights were better, and the interval does not include zero — but that does not show the change was the cause (see the caveats).`
    } else {
      verdict = `${prefix}${compared} The trial nights were worse, and the interval does not include zero.`
    }
  }

  const caveats: string[] = []
  if (!complete) caveats.push('The experiment is still running; the numbers will change as nights are added.')
  if (direction !== 'not-enough' && (a.length < FEW_NIGHTS || b.length < FEW_NIGHTS)) {
    caveats.push(`Few nights: with fewer than ${FEW_NIGHTS} in a period, one unusual night can move the result a lot.`)
  }
  caveats.push(
    'You knew when you were making the change, so expecting it to help (the placebo effect) can colour how a night feels — especially severity and sleep quality.'
  )
  if (input.priorMean !== undefined && input.priorMean !== null && baseline.mean !== null && direction === 'better') {
    const worseBefore = info.betterWhen === 'lower' ? baseline.mean > input.priorMean : baseline.mean < input.priorMean
    if (worseBefore) {
      caveats.push(
        'Your baseline was worse than the month before it. Symptoms that are unusually bad tend to ease again on their own (regression to the mean), which can look like the change working.'
      )
    }
  } else if (direction === 'better') {
    caveats.push(
      'Symptoms come and go: if you started the experiment during a bad spell, some improvement would be expected anyway (regression to the mean).'
    )
  }
  for (const c of confounders) {
    caveats.push(
      `Nights with ${c.label} differed between periods (${Math.round(c.baselineShare * 100)} % of baseline nights, ${Math.round(c.trialShare * 100)} % of trial nights), which may explain part of any difference.`
    )
  }
  if (adherence.rate !== null && adherence.rate < 0.8) {
    caveats.push(
      `You reported following the plan on ${Math.round(adherence.rate * 100)} % of the nights you answered, which blurs the comparison.`
    )
  }
  caveats.push('Nights in a row tend to resemble each other, so the interval is probably somewhat narrower than it should be.')

  return { outcome, baseline, trial, difference, effectSize, ci, direction, adherence, confounders, verdict, caveats, complete }
}

export interface ExperimentLinkSource extends ExperimentDesign {
  change: string
  /** The day an experiment was ended early; its nights stop the night before. */
  stoppedOn: string | null
}

/** The experiment a journal night belongs to (by date), with its period and night number; null when none. */
export function experimentLinkFor(
  experiments: readonly ExperimentLinkSource[],
  date: string
): { change: string; phase: Phase; night: number; total: number } | null {
  for (const e of experiments) {
    if (e.stoppedOn !== null && date >= e.stoppedOn) continue
    const phase = phaseOf(e, date)
    if (phase) return { change: e.change, phase, night: dayNumber(e, date)!, total: totalNights(e) }
  }
  return null
}
