import { ref, type Ref } from 'vue'
import { errorMessage } from '../api'

export interface BusyAction {
  /** True while an action runs: the view disables its controls. */
  busy: Ref<boolean>
  /** The last action's failure in words; cleared when the next one starts. */
  problem: Ref<string>
  /** Runs `work` as the view's one action at a time; a failure becomes `problem` (its message, else `fallback`). */
  run: (fallback: string, work: () => Promise<void>) => Promise<void>
}

/** A view's long-running actions (export, import, restore): busy while one runs, its failure kept as a message. */
export function useBusyAction(messageOf: (error: unknown, fallback: string) => string = errorMessage): BusyAction {
  const busy = ref(false)
  const problem = ref('')
  async function run(fallback: string, work: () => Promise<void>): Promise<void> {
    busy.value = true
    problem.value = ''
    try {
      await work()
    } catch (error) {
      problem.value = messageOf(error, fallback)
    } finally {
      busy.value = false
    }
  }
  return { busy, problem, run }
}
