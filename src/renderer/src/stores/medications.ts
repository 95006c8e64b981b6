import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import type {
  AugmentationStatus,
  DoseChangeInput,
  Episode,
  EpisodeInput,
  IrlsInput,
  IrlsScore,
  Medication,
  MedicationInput,
  Timing
} from '../../../shared/contract'
import { call, callThen } from '../api'
import { sameAnswer } from './same-answer'

/** The medicine list, daytime episodes, clinician-scored IRLS totals and the augmentation watch. */
export const useMedicationsStore = defineStore('medications', () => {
  const medications = ref<Medication[]>([])
  const today = ref('')
  const irls = ref<IrlsScore[]>([])
  const augmentation = ref<AugmentationStatus | null>(null)
  /** Weekly onset, body areas and medication events for the range Insights shows (read-only chart data: kept shallow). */
  const timing = shallowRef<Timing | null>(null)

  async function loadTiming(from: string, to: string): Promise<void> {
    timing.value = sameAnswer(timing.value, await call('timing.get', { from, to }))
  }

  async function load(): Promise<void> {
    const list = await call('medications.list')
    medications.value = list.medications
    today.value = list.today
  }

  async function loadAugmentation(): Promise<void> {
    augmentation.value = sameAnswer(augmentation.value, await call('augmentation.get'))
  }

  async function create(input: MedicationInput): Promise<Medication> {
    const saved = await call('medications.create', input)
    await Promise.all([load(), loadAugmentation()])
    return saved
  }

  async function update(id: number, input: MedicationInput): Promise<Medication> {
    const saved = await call('medications.update', { id, medication: input })
    await Promise.all([load(), loadAugmentation()])
    return saved
  }

  async function remove(id: number): Promise<void> {
    await call('medications.delete', { id })
    await Promise.all([load(), loadAugmentation()])
  }

  async function changeDose(input: DoseChangeInput): Promise<void> {
    await call('medications.changeDose', input)
    await Promise.all([load(), loadAugmentation()])
  }

  async function removeChange(id: number): Promise<void> {
    await call('medications.removeChange', { id })
    await Promise.all([load(), loadAugmentation()])
  }

  async function episodes(from: string, to: string): Promise<Episode[]> {
    return call('episodes.list', { from, to })
  }

  function addEpisode(input: EpisodeInput): Promise<Episode> {
    return callThen(loadAugmentation, 'episodes.create', input)
  }

  async function removeEpisode(id: number): Promise<void> {
    await call('episodes.delete', { id })
    await loadAugmentation()
  }

  async function loadIrls(): Promise<void> {
    irls.value = await call('irls.list')
  }

  async function addIrls(input: IrlsInput): Promise<void> {
    await call('irls.create', input)
    await loadIrls()
  }

  async function removeIrls(id: number): Promise<void> {
    await call('irls.delete', { id })
    await loadIrls()
  }

  async function dismiss(key: string): Promise<void> {
    augmentation.value = await call('augmentation.dismiss', { key })
  }

  return {
    medications,
    today,
    irls,
    augmentation,
    timing,
    loadTiming,
    load,
    loadAugmentation,
    create,
    update,
    remove,
    changeDose,
    removeChange,
    episodes,
    addEpisode,
    removeEpisode,
    loadIrls,
    addIrls,
    removeIrls,
    dismiss
  }
})
