import type { ImportFormatName, PreviewNight } from '../../../../shared/contract'
import type { ProposalField } from '../../../../shared/domain/sleep-import'

export const FORMAT_CHOICES: { value: ImportFormatName; label: string; hint: string; accept: string }[] = [
  {
    value: 'apple',
    label: 'Apple Health',
    hint: 'In the Health app: your picture → Export All Health Data. Choose export.zip (or the export.xml inside it).',
    accept: '.zip,.xml'
  },
  {
    value: 'fitbit',
    label: 'Fitbit (Google Takeout)',
    hint: 'From Google Takeout’s Fitbit folder: the .zip, or one sleep-YYYY-MM-DD.json file.',
    accept: '.zip,.json'
  },
  {
    value: 'csv',
    label: 'Another app (CSV)',
    hint: 'Oura, Withings, Gadgetbridge and sleep apps that save a CSV table. You choose which columns hold what.',
    accept: '.csv,.txt,.zip'
  }
]

export const STATUS_LABELS: Record<PreviewNight['status'], string> = {
  added: 'New night',
  fills: 'Beside your entry',
  conflict: 'Differs from your entry',
  unchanged: 'Already imported'
}

export const STATUS_HINTS: Record<PreviewNight['status'], string> = {
  added: 'You have not logged this night. The device’s sleep is kept for it and shown beside the form when you log it.',
  fills: 'Your entry agrees with the device (within 15 minutes). The device’s values are kept beside it; nothing you typed changes.',
  conflict: 'Your entry and the device disagree. What you typed is kept unless you choose the device’s times for this night.',
  unchanged: 'This night was imported before with the same values. Nothing changes.'
}

export function formatMinutes(total: number | null): string {
  if (total === null) return '—'
  const sign = total < 0 ? '−' : ''
  const abs = Math.abs(Math.round(total))
  const h = Math.floor(abs / 60)
  const m = abs % 60
  return h > 0 ? `${sign}${h} h ${String(m).padStart(2, '0')} min` : `${sign}${m} min`
}

const nightFormat = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })
export function formatEvening(iso: string): string {
  return nightFormat.format(new Date(`${iso}T12:00:00Z`))
}

/** Kept here rather than imported from the domain module, so the page does not load its date library. */
export const PROPOSAL_LABELS: Record<ProposalField, string> = {
  inBed: 'In bed',
  fellAsleep: 'Fell asleep',
  finalWake: 'Final wake',
  outOfBed: 'Out of bed',
  awakenings: 'Awakenings',
  wasoMinutes: 'Awake after sleep onset (min)'
}
