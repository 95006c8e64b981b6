import { defineStore } from 'pinia'
import { ref } from 'vue'
import type {
  CustomFactor,
  CustomFactorCreate,
  CustomFactorUpdate,
  Glance,
  JournalEntry,
  NightEntry,
  QuickLogDefaults
} from '../../../shared/contract'
import { call, callThen } from '../api'

/** The last deletion, kept until it is undone or another one replaces it. */
export interface DeletedNight {
  id: number
  eveningDate: string
}

export const useJournalStore = defineStore('journal', () => {
  const defaults = ref<QuickLogDefaults | null>(null)
  const factors = ref<CustomFactor[]>([])
  /** Entries of the month on screen, by evening date. */
  const monthEntries = ref<Map<string, JournalEntry>>(new Map())
  const month = ref('')
  const glance = ref<Glance | null>(null)
  const lastDeleted = ref<DeletedNight | null>(null)
  /** Bumped after every change, so views that show derived data (Insights, Today) know to reload. */
  const revision = ref(0)

  async function loadDefaults(): Promise<QuickLogDefaults> {
    defaults.value = await call('journal.defaults')
    factors.value = defaults.value.factors
    return defaults.value
  }

  /** Loads the entries of one month ('YYYY-MM'). */
  async function loadMonth(which: string): Promise<void> {
    const [y, m] = which.split('-').map(Number) as [number, number]
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate()
    const entries = await call('journal.list', { from: `${which}-01`, to: `${which}-${String(last).padStart(2, '0')}` })
    month.value = which
    monthEntries.value = new Map(entries.map((e) => [e.eveningDate, e]))
  }

  async function loadGlance(): Promise<Glance> {
    glance.value = await call('journal.glance')
    return glance.value
  }

  function get(eveningDate: string): Promise<JournalEntry | null> {
    return call('journal.get', { eveningDate })
  }

  async function changed(): Promise<void> {
    revision.value++
    const reloads: Promise<unknown>[] = [loadDefaults()]
    if (month.value) reloads.push(loadMonth(month.value))
    if (glance.value) reloads.push(loadGlance())
    await Promise.all(reloads)
  }

  function create(entry: NightEntry): Promise<JournalEntry> {
    return callThen(changed, 'journal.create', entry)
  }

  function update(id: number, entry: NightEntry): Promise<JournalEntry> {
    return callThen(changed, 'journal.update', { id, entry })
  }

  async function remove(id: number): Promise<DeletedNight> {
    const deleted = await call('journal.delete', { id })
    lastDeleted.value = deleted
    await changed()
    return deleted
  }

  async function undoDelete(): Promise<JournalEntry | null> {
    const deleted = lastDeleted.value
    if (!deleted) return null
    const restored = await call('journal.restore', { id: deleted.id })
    lastDeleted.value = null
    await changed()
    return restored
  }

  function forgetDeleted(): void {
    lastDeleted.value = null
  }

  async function exportCsv(): Promise<{ fileName: string; csv: string; rows: number }> {
    return call('journal.exportCsv')
  }

  async function loadFactors(): Promise<CustomFactor[]> {
    factors.value = await call('journal.factors.list')
    return factors.value
  }

  async function createFactor(input: CustomFactorCreate): Promise<CustomFactor> {
    const factor = await call('journal.factors.create', input)
    await loadFactors()
    revision.value++
    return factor
  }

  async function updateFactor(input: CustomFactorUpdate): Promise<CustomFactor> {
    const factor = await call('journal.factors.update', input)
    await loadFactors()
    revision.value++
    return factor
  }

  return {
    defaults,
    factors,
    monthEntries,
    month,
    glance,
    lastDeleted,
    revision,
    loadDefaults,
    loadMonth,
    loadGlance,
    get,
    create,
    update,
    remove,
    undoDelete,
    forgetDeleted,
    exportCsv,
    loadFactors,
    createFactor,
    updateFactor
  }
})
