import { AppError, type JournalEntry, type Report, type ReportQuery } from '../../shared/contract'
import type { InsightNight } from '../../shared/domain/insights'
import { addDays, daysBetween, EARLIEST_DATE, nightFlags } from '../../shared/domain/journal'
import { mean } from '../../shared/domain/stats'
import type { JournalStore } from '../db/journal-store'
import type { SleepImportStore } from '../db/sleep-import-store'
import type { ExperimentService } from './experiments'
import type { InsightsService } from './insights'
import type { MedicationService } from './medications'
import type { PlannerService } from './planner'
import type { SettingsService } from './settings'

/** Saves the current window as a PDF; the Electron shell provides it, the harness does not. */
export interface PdfSaver {
  save(fileName: string): Promise<{ saved: boolean; path: string | null; message: string }>
}

export interface ReportService {
  get(query: ReportQuery): Report
  savePdf(fileName: string): Promise<{ saved: boolean; path: string | null; message: string }>
}

export interface ReportDeps {
  journal: JournalStore
  insights: InsightsService
  planner: PlannerService
  experiments: ExperimentService
  medications: Pick<MedicationService, 'clinical'>
  deviceSleep: Pick<SleepImportStore, 'deviceSleep'>
  settings: SettingsService
  today: () => string
  /**
   * Changes on every write to the database (this connection's or another's):
   * a report is reused until it, the period or today's date changes.
   */
  dataVersion: () => string
  pdf?: PdfSaver | undefined
}

/** The planner answers at most this many days at once; a longer report would be unreadable anyway. */
const MAX_REPORT_DAYS = 3700

function round(value: number | null, decimals = 1): number | null {
  if (value === null) return null
  const f = 10 ** decimals
  return Math.round(value * f) / f
}

/** Least-squares slope of y over x (days), scaled to 30 days. */
function slopePer30(points: { x: number; y: number }[]): number | null {
  if (points.length < 14) return null
  const mx = mean(points.map((p) => p.x))!
  const my = mean(points.map((p) => p.y))!
  let num = 0
  let den = 0
  for (const p of points) {
    num += (p.x - mx) * (p.y - my)
    den += (p.x - mx) ** 2
  }
  return den === 0 ? 0 : (num / den) * 30
}

export function createReportService(deps: ReportDeps): ReportService {
  // A year of nights, plans, labs and experiments takes tens of milliseconds to sum up; opening the
  // same report again with nothing written since (back from printing, another look) costs nothing.
  let last: { key: string; report: Report } | null = null

  return {
    get(query) {
      validate(query)
      const key = `${query.from}|${query.to}|${deps.today()}|${deps.dataVersion()}`
      if (last?.key !== key) last = { key, report: build(query) }
      return last.report
    },
    async savePdf(fileName) {
      if (!deps.pdf) {
        return { saved: false, path: null, message: 'Use your browser’s Print → Save as PDF to keep a copy of this report.' }
      }
      return deps.pdf.save(fileName)
    }
  }

  function validate({ from, to }: ReportQuery): void {
    const fields: Record<string, string> = {}
    if (addDays(from, 0) !== from) fields['from'] = 'That date does not exist.'
    if (addDays(to, 0) !== to) fields['to'] = 'That date does not exist.'
    if (!fields['from'] && !fields['to']) {
      if (from > to) fields['from'] = 'The first night must be on or before the last night.'
      else if (from < EARLIEST_DATE) fields['from'] = `Choose a night from ${EARLIEST_DATE} on.`
      else if (daysBetween(from, to) >= MAX_REPORT_DAYS) fields['from'] = 'Choose a period of at most ten years.'
    }
    if (Object.keys(fields).length > 0) throw new AppError('invalid-input', 'The report period needs another look.', fields)
  }

  function build({ from, to }: ReportQuery): Report {
    // The period's nights are read once; the factor comparisons, the experiments and the clinical part use them too.
    const entries = deps.journal.between(from, to)
    const loaded = { from, to, entries }
    // Each night's day number in the period (0 = the first night), worked out once: the weeks and the trend read it.
    const dayIndex = entries.map((e) => daysBetween(from, e.eveningDate))
    const nightsInRange = daysBetween(from, to) + 1

    // Weeks of seven nights from the first night; the last week may be shorter. A night falls in week ⌊day / 7⌋,
    // and the entries are oldest first, so every week's nights keep their order.
    const nightsByWeek: JournalEntry[][] = Array.from({ length: Math.ceil(nightsInRange / 7) }, () => [])
    entries.forEach((e, i) => nightsByWeek[Math.floor(dayIndex[i]! / 7)]!.push(e))
    const weeks: Report['weeks'] = nightsByWeek.map((nights, w) => ({
      start: addDays(from, w * 7),
      nightsLogged: nights.length,
      nightsWithSymptoms: nights.filter((n) => n.severity > 0).length,
      meanSeverity: round(mean(nights.map((n) => n.severity))),
      meanEfficiency: round(mean(nights.map((n) => n.metrics.sleepEfficiency)))
    }))

    const trend = slopePer30(entries.map((e, i) => ({ x: dayIndex[i]!, y: e.severity })))
    const trendText =
      trend === null
        ? 'Too few nights logged to describe a trend (14 are needed).'
        : Math.abs(trend) < 0.25
          ? 'Severity was broadly steady over the period.'
          : trend < 0
            ? `Severity eased over the period, by about ${Math.abs(trend).toFixed(1)} points per month on a straight-line fit.`
            : `Severity rose over the period, by about ${trend.toFixed(1)} points per month on a straight-line fit.`

    const magnesiumNights = entries.filter((e) => e.factors.magnesiumMg > 0)
    const ironNights = entries.filter((e) => e.factors.ironMg > 0)
    const supplements: Report['supplements'] = []
    if (magnesiumNights.length > 0) {
      const forms = [...new Set(magnesiumNights.map((e) => e.factors.magnesiumForm).filter((f) => f !== null))]
      supplements.push({
        name: `Magnesium${forms.length ? ` (${forms.join(', ')})` : ''}`,
        nights: magnesiumNights.length,
        dose: `${Math.round(mean(magnesiumNights.map((e) => e.factors.magnesiumMg))!)} mg on average`
      })
    }
    if (ironNights.length > 0) {
      supplements.push({
        name: 'Iron',
        nights: ironNights.length,
        dose: `${Math.round(mean(ironNights.map((e) => e.factors.ironMg))!)} mg on average`
      })
    }
    const meds = new Map<string, { name: string; nights: number; firstNight: string; lastNight: string }>()
    for (const e of entries) {
      for (const name of e.factors.medications) {
        const key = name.toLocaleLowerCase()
        const m = meds.get(key)
        if (m) {
          m.nights++
          m.lastNight = e.eveningDate
        } else meds.set(key, { name, nights: 1, firstNight: e.eveningDate, lastNight: e.eveningDate })
      }
    }

    const factors = deps.insights
      .factors(from, to, entries.map(insightNight))
      .map((f) => ({ title: f.title, sentence: f.sentence, enough: f.severity.enough }))
    const days = deps.planner.magnesiumByDay(from, to)
    const targets = deps.planner.targets()
    const quality = entries.map((e) => e.sleep.quality).filter((q): q is number => q !== null)

    const labs = deps.experiments.labsBetween(from, to)
    const inPeriod = new Set(labs.map((l) => l.analyte))
    const latestBefore = new Map<string, Report['labs'][number]>()
    for (const lab of deps.experiments.labs()) {
      if (lab.takenOn < from && !inPeriod.has(lab.analyte)) latestBefore.set(lab.analyte, lab)
    }

    return {
      from,
      to,
      generatedOn: deps.today(),
      name: deps.settings.get().profile.name.trim(),
      nightsInRange,
      nightsLogged: entries.length,
      weeks,
      severity: {
        mean: round(mean(entries.map((e) => e.severity))),
        trendPer30: round(trend, 2),
        trendText,
        nightsWithSymptoms: entries.filter((e) => e.severity > 0).length
      },
      sleep: {
        totalSleepHours: round(mean(entries.map((e) => e.metrics.totalSleepMinutes / 60))),
        efficiency: round(mean(entries.map((e) => e.metrics.sleepEfficiency))),
        latencyMinutes: round(mean(entries.map((e) => e.sleep.latencyMinutes)), 0),
        wasoMinutes: round(mean(entries.map((e) => e.sleep.wasoMinutes)), 0),
        quality: round(mean(quality))
      },
      factors,
      supplements,
      medications: [...meds.values()].sort((a, b) => b.nights - a.nights),
      intake: {
        daysWithPlan: days.length,
        magnesiumFoodMg: round(mean(days.map((d) => d.foodMg)), 0),
        magnesiumSupplementMg: round(mean(days.map((d) => d.supplementMg)), 0),
        magnesiumTargetMg: targets.magnesium.value,
        daysMagnesiumOnTarget: days.filter((d) => d.foodMg + d.supplementMg >= targets.magnesium.value).length,
        ironSupplementMg: round(mean(ironNights.map((e) => e.factors.ironMg)), 0),
        ironTargetMg: targets.iron.value
      },
      labs,
      earlierLabs: [...latestBefore.values()].sort((a, b) => a.takenOn.localeCompare(b.takenOn)),
      experiments: deps.experiments.between(from, to, loaded),
      clinical: deps.medications.clinical(from, to, loaded),
      deviceSleep: deps.deviceSleep.deviceSleep(from, to)
    }
  }
}

/** A journal entry as Insights' factor comparison reads a night. */
function insightNight(entry: JournalEntry): InsightNight {
  return {
    date: entry.eveningDate,
    severity: entry.severity,
    totalSleepMinutes: entry.metrics.totalSleepMinutes,
    sleepEfficiency: entry.metrics.sleepEfficiency,
    magnesiumMg: entry.factors.magnesiumMg,
    flags: nightFlags(entry.factors),
    custom: new Map(entry.custom.map((c) => [c.factorId, c.value]))
  }
}
