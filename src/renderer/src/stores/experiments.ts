import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { AdherenceAnswer } from '../../../shared/domain/adherence'
import type { Experiment, ExperimentCreate, ExperimentToday, LabCreate, LabResult } from '../../../shared/contract'
import { call, callThen } from '../api'

export const useExperimentsStore = defineStore('experiments', () => {
  const experiments = ref<Experiment[]>([])
  const today = ref<ExperimentToday>(null)
  const labs = ref<LabResult[]>([])
  const loaded = ref(false)

  async function load(): Promise<void> {
    const [list, now, results] = await Promise.all([call('experiments.list'), call('experiments.today'), call('labs.list')])
    experiments.value = list
    today.value = now
    labs.value = results
    loaded.value = true
  }

  // Several month lists may ask at once on first open: they share one request.
  let pending: Promise<void> | null = null
  function ensureLoaded(): Promise<void> {
    if (loaded.value) return Promise.resolve()
    pending ??= load().finally(() => (pending = null))
    return pending
  }

  async function loadToday(): Promise<void> {
    today.value = await call('experiments.today')
  }

  function create(input: ExperimentCreate): Promise<Experiment> {
    return callThen(load, 'experiments.create', input)
  }

  async function stop(id: number): Promise<void> {
    await call('experiments.stop', { id })
    await load()
  }

  async function remove(id: number): Promise<void> {
    await call('experiments.delete', { id })
    await load()
  }

  async function checkin(id: number, eveningDate: string, answer: AdherenceAnswer): Promise<void> {
    today.value = await call('experiments.checkin', { id, eveningDate, answer })
    if (loaded.value) experiments.value = await call('experiments.list')
  }

  async function addLab(input: LabCreate): Promise<LabResult> {
    const added = await call('labs.create', input)
    labs.value = await call('labs.list')
    return added
  }

  async function removeLab(id: number): Promise<void> {
    await call('labs.delete', { id })
    labs.value = labs.value.filter((l) => l.id !== id)
  }

  return { experiments, today, labs, loaded, load, ensureLoaded, loadToday, create, stop, remove, checkin, addLab, removeLab }
})
