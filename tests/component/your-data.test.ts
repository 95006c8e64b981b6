import { flushPromises } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import App from '../../src/renderer/src/App.vue'
import { useDataStore } from '../../src/renderer/src/stores/data'
import { startTestApp } from '../support/app'
import { night } from '../support/journal'
import { mountWithApp, type Mounted } from './mount'

const downloads = vi.hoisted(() => [] as { name: string; content: string }[])
vi.mock('../../src/renderer/src/composables/useDownload', () => ({
  downloadText: (name: string, content: string) => downloads.push({ name, content })
}))

let mounted: Mounted | undefined
afterEach(() => {
  mounted?.wrapper.unmount()
  mounted?.app.close()
  mounted = undefined
  downloads.length = 0
  sessionStorage.clear()
})

async function openSettings() {
  const app = startTestApp()
  app.services.settings.completeOnboarding({
    profile: { name: 'Jo', ageBand: '31-50', sex: 'male', lifeStage: 'none', bedtime: '22:15' },
    disclaimerAccepted: true
  })
  app.services.journal.create(night('2026-11-20', { severity: 5 }))
  mounted = await mountWithApp(App, '/settings', app)
  const reload = vi.fn()
  useDataStore().reloadApp = reload
  return { app, wrapper: mounted.wrapper, reload }
}

/** Backups are real file copies: wait for what the user would see, not a fixed number of ticks. */
async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) {
    await new Promise((resolve) => setTimeout(resolve, 10))
    await flushPromises()
  }
}

function buttonNamed(wrapper: Mounted['wrapper'], text: string) {
  const button = wrapper.findAll('button').find((b) => b.text() === text)
  if (!button) throw new Error(`No button "${text}"`)
  return button
}

async function chooseFile(wrapper: Mounted['wrapper'], name: string, content: string): Promise<void> {
  const input = wrapper.find('#data-import-file')
  // What the page uses of a chosen file (jsdom's File has no text()).
  const file = {
    name,
    size: content.length,
    type: 'application/json',
    text: () => Promise.resolve(content),
    slice: (start: number, end: number) => ({ text: () => Promise.resolve(content.slice(start, end)) })
  }
  Object.defineProperty(input.element, 'files', { value: [file], configurable: true })
  await input.trigger('change')
  await until(() => wrapper.text().includes(name))
}

describe('Settings → Your data', () => {
  it('shows where the data lives, and says a browser cannot open the folder', async () => {
    const { app, wrapper } = await openSettings()
    expect(wrapper.find('[data-testid="data-dir"]').text()).toBe(app.dataDir)
    await buttonNamed(wrapper, 'Open data folder').trigger('click')
    await flushPromises()
    expect(wrapper.find('[data-testid="folder-note"]').text()).toMatch(/browser cannot open folders/)
  })

  it('"Back up now" adds a dated backup with its size to the list', async () => {
    const { wrapper } = await openSettings()
    expect(wrapper.text()).toContain('No backups yet')
    await buttonNamed(wrapper, 'Back up now').trigger('click')
    await until(() => wrapper.find('.your-data__status').text() !== '')
    const rows = wrapper.findAll('[data-testid="backup-row"]')
    expect(rows).toHaveLength(1)
    expect(rows[0]!.text()).toMatch(/You asked for it/)
    expect(rows[0]!.text()).toMatch(/\d+ KB/)
    expect(wrapper.find('.your-data__status').text()).toMatch(/^Backed up/)
  })

  it('exports everything as a JSON file, and one table as CSV', async () => {
    const { wrapper } = await openSettings()
    await buttonNamed(wrapper, 'Export everything (JSON)').trigger('click')
    await flushPromises()
    expect(downloads[0]!.name).toMatch(/^stillwell-export-\d{4}-\d{2}-\d{2}\.json$/)
    expect(JSON.parse(downloads[0]!.content).tables.journal_entries).toHaveLength(1)
    await wrapper.find('#data-csv-table').setValue('journal_entries')
    await buttonNamed(wrapper, 'Export CSV').trigger('click')
    await flushPromises()
    expect(downloads[1]!.name).toMatch(/^stillwell-journal_entries-/)
    expect(downloads[1]!.content.split('\r\n')[0]).toContain('evening_date')
  })

  it('states the import rule, asks before replacing, and imports a file', async () => {
    const { app, wrapper, reload } = await openSettings()
    expect(wrapper.find('[data-testid="import-rule"]').text()).toMatch(/replaces all your data/i)
    const exported = app.services.data.exportJson().content
    app.services.journal.create(night('2026-11-21', { severity: 1 }))
    await chooseFile(wrapper, 'mine.json', exported)
    expect(wrapper.text()).toMatch(/Replace all your data with mine\.json\?/)
    await buttonNamed(wrapper, 'Back up and replace').trigger('click')
    await until(() => reload.mock.calls.length > 0)
    expect(reload).toHaveBeenCalledOnce()
    expect(app.services.journal.get('2026-11-21')).toBeNull()
    expect(app.services.journal.get('2026-11-20')).not.toBeNull()
  })

  it('shows why a bad file was refused next to the field, and changes nothing', async () => {
    const { app, wrapper, reload } = await openSettings()
    await chooseFile(wrapper, 'other.json', JSON.stringify({ something: 'else' }))
    await buttonNamed(wrapper, 'Back up and replace').trigger('click')
    await flushPromises()
    const input = wrapper.find('#data-import-file')
    expect(input.attributes('aria-invalid')).toBe('true')
    expect(wrapper.find(`#${input.attributes('aria-describedby')}`).text()).toMatch(/not a Stillwell export/)
    expect(reload).not.toHaveBeenCalled()
    expect(app.services.journal.get('2026-11-20')).not.toBeNull()
  })

  it('deletes everything only after DELETE is typed, backing up first', async () => {
    const { app, wrapper, reload } = await openSettings()
    await wrapper.find('#data-delete-word').setValue('delete')
    await buttonNamed(wrapper, 'Delete all my data').trigger('click')
    await flushPromises()
    expect(wrapper.find('#data-delete-word').attributes('aria-invalid')).toBe('true')
    expect(wrapper.find('#data-delete-error').text()).toMatch(/Type DELETE/)
    expect(app.services.journal.get('2026-11-20')).not.toBeNull()

    await wrapper.find('#data-delete-word').setValue('DELETE')
    await buttonNamed(wrapper, 'Delete all my data').trigger('click')
    await until(() => reload.mock.calls.length > 0)
    expect(reload).toHaveBeenCalledOnce()
    expect(app.services.journal.get('2026-11-20')).toBeNull()
    expect(app.services.data.overview().backups.map((b) => b.kind)).toEqual(['safety'])
  })

  it('restores a backup after confirming, and says a restart finishes it', async () => {
    const { app, wrapper } = await openSettings()
    await app.services.data.backupNow()
    await useDataStore().load()
    await flushPromises()
    await wrapper.find('button[aria-label^="Restore the backup from"]').trigger('click')
    await buttonNamed(wrapper, 'Back up and restore').trigger('click')
    await until(() => wrapper.find('[data-testid="restore-pending"]').exists())
    expect(wrapper.find('[data-testid="restore-pending"]').text()).toMatch(/Restart Stillwell to finish/)
    expect(app.services.data.overview().restorePending).toBe(true)
  })
})
