import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { BackupInfo, DataOverview } from '../../../shared/contract'
import { call, callThen } from '../api'

const FLASH_KEY = 'stillwell.data.flash'

/** Export, import, backups, restore and delete-all: Settings → Your data. */
export const useDataStore = defineStore('data', () => {
  const overview = ref<DataOverview | null>(null)

  /**
   * After an import or delete-all every other store holds stale data; reloading
   * the page is the one simple way to start them all afresh. Tests replace it.
   */
  const reloadApp = ref<() => void>(() => window.location.reload())

  async function load(): Promise<DataOverview> {
    overview.value = await call('data.overview')
    return overview.value
  }

  function backupNow(): Promise<BackupInfo> {
    return callThen(load, 'data.backupNow')
  }

  const exportJson = () => call('data.exportJson')
  const exportCsv = (table: string) => call('data.exportCsv', { table })

  /** A message to show once after the reload that follows a replace. */
  function flash(message: string): void {
    try {
      sessionStorage.setItem(FLASH_KEY, message)
    } catch {
      // Storage can be unavailable; the message is a courtesy.
    }
  }

  function takeFlash(): string {
    try {
      const message = sessionStorage.getItem(FLASH_KEY) ?? ''
      sessionStorage.removeItem(FLASH_KEY)
      return message
    } catch {
      return ''
    }
  }

  async function importJson(content: string): Promise<void> {
    const result = await call('data.importJson', { content })
    flash(`Imported ${result.rows} ${result.rows === 1 ? 'row' : 'rows'}. What was here before is in the backup ${result.backupId}.`)
    reloadApp.value()
  }

  async function deleteAll(backupFirst: boolean): Promise<void> {
    const result = await call('data.deleteAll', { confirm: 'DELETE', backupFirst })
    flash(result.backupId ? `All your data was deleted. A backup was kept first: ${result.backupId}.` : 'All your data was deleted.')
    reloadApp.value()
  }

  function restore(id: string): Promise<{ backupId: string; canRestart: boolean }> {
    return callThen(load, 'data.restore', { id })
  }

  const restart = () => call('data.restart')
  const openFolder = () => call('data.openFolder')

  return { overview, reloadApp, load, backupNow, exportJson, exportCsv, importJson, deleteAll, restore, restart, openFolder, takeFlash }
})
