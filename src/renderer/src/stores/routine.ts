import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { Routine } from '../../../shared/contract'
import { call } from '../api'

export const useRoutineStore = defineStore('routine', () => {
  const routine = ref<Routine | null>(null)

  async function run(request: Promise<Routine>): Promise<Routine> {
    routine.value = await request
    return routine.value
  }

  const load = (): Promise<Routine> => run(call('routine.get'))

  /** Ticks optimistically so the checkbox answers at once; a failure puts it back. */
  async function tick(itemId: number, done: boolean): Promise<Routine> {
    const current = routine.value
    if (!current) return load()
    const item = current.items.find((i) => i.id === itemId)
    if (item) item.done = done
    try {
      return await run(call('routine.tick', { eveningDate: current.eveningDate, itemId, done }))
    } catch (error) {
      if (item) item.done = !done
      throw error
    }
  }

  const addItem = (label: string): Promise<Routine> => run(call('routine.addItem', { label }))
  const renameItem = (id: number, label: string): Promise<Routine> => run(call('routine.renameItem', { id, label }))
  const removeItem = (id: number): Promise<Routine> => run(call('routine.removeItem', { id }))
  const moveItem = (id: number, toIndex: number): Promise<Routine> => run(call('routine.moveItem', { id, toIndex }))
  const restoreSuggestions = (): Promise<Routine> => run(call('routine.restoreSuggestions'))

  return { routine, load, tick, addItem, renameItem, removeItem, moveItem, restoreSuggestions }
})
