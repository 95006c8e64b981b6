import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { NotificationEvent, ReminderPrefsPatch, ReminderStatus } from '../../../shared/contract'
import { call } from '../api'

export const useRemindersStore = defineStore('reminders', () => {
  const status = ref<ReminderStatus | null>(null)
  const loading = ref<Promise<ReminderStatus> | null>(null)

  /** Fetches the current status; concurrent callers share one request. */
  function load(): Promise<ReminderStatus> {
    loading.value ??= call('reminders.get')
      .then((value) => {
        status.value = value
        return value
      })
      .finally(() => {
        loading.value = null
      })
    return loading.value
  }

  async function update(patch: ReminderPrefsPatch): Promise<ReminderStatus> {
    status.value = await call('reminders.update', patch)
    return status.value
  }

  async function setSkip(eveningDate: string, skip: boolean): Promise<ReminderStatus> {
    status.value = await call('reminders.skip', { eveningDate, skip })
    return status.value
  }

  async function snooze(id: string): Promise<ReminderStatus> {
    status.value = await call('reminders.snooze', { id })
    return status.value
  }

  /** Reminders the system could not show while the window was closed. */
  function pending(): Promise<NotificationEvent[]> {
    return call('reminders.pending')
  }

  async function dismissPending(id: string): Promise<void> {
    await call('reminders.dismissPending', { id })
  }

  return { status, loading, load, update, setSkip, snooze, pending, dismissPending }
})
