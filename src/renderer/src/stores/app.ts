import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { AppInfo, NotificationEvent, StartupNotice } from '../../../shared/contract'
import { call, onEvent } from '../api'

export const useAppStore = defineStore('app', () => {
  const info = ref<AppInfo | null>(null)
  const notices = ref<StartupNotice[]>([])
  /** Notifications raised while the page is open, newest first. */
  const notifications = ref<NotificationEvent[]>([])

  async function load(): Promise<void> {
    info.value = await call('app.info')
    notices.value = info.value.notices
  }

  async function dismissNotice(id: string): Promise<void> {
    await call('app.dismissNotice', { id })
    notices.value = notices.value.filter((n) => n.id !== id)
  }

  /** Shows notifications in the page, newest first; one already shown (same id) is not repeated. */
  function addNotifications(added: NotificationEvent[]): void {
    const ids = new Set(added.map((n) => n.id))
    notifications.value = [...added, ...notifications.value.filter((n) => !ids.has(n.id))].slice(0, 5)
  }

  function listen(): () => void {
    return onEvent('notification', (notification) => addNotifications([notification]))
  }

  function dismissNotification(id: string): void {
    notifications.value = notifications.value.filter((n) => n.id !== id)
  }

  return { info, notices, notifications, load, dismissNotice, addNotifications, listen, dismissNotification }
})
