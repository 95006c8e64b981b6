import { onBeforeUnmount, onMounted, ref, type Ref } from 'vue'
import { onEvent } from '../../api'
import { useRemindersStore } from '../../stores/reminders'

/**
 * Keeps the reminder status current while the component is mounted: loads it
 * now and again each time a reminder goes off (the "next reminder" moves on).
 * `failed` is true while the last load failed.
 */
export function useLiveReminders(): { failed: Ref<boolean>; load: () => Promise<void> } {
  const store = useRemindersStore()
  const failed = ref(false)

  async function load(): Promise<void> {
    try {
      await store.load()
      failed.value = false
    } catch {
      failed.value = true
    }
  }

  let stop: (() => void) | undefined
  onMounted(() => {
    void load()
    stop = onEvent('notification', () => void load())
  })
  onBeforeUnmount(() => stop?.())
  return { failed, load }
}
