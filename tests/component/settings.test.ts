import { flushPromises } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import App from '../../src/renderer/src/App.vue'
import { startTestApp } from '../support/app'
import { mountWithApp, type Mounted } from './mount'

let mounted: Mounted | undefined
afterEach(() => {
  mounted?.wrapper.unmount()
  mounted?.app.close()
  mounted = undefined
  delete document.documentElement.dataset['theme']
})

function onboardedApp() {
  const app = startTestApp()
  app.services.settings.completeOnboarding({
    profile: { name: 'Jo', ageBand: '31-50', sex: 'male', lifeStage: 'none', bedtime: '22:15' },
    disclaimerAccepted: true
  })
  return app
}

describe('settings', () => {
  it('switching to the dark theme is saved and applied to the page at once', async () => {
    mounted = await mountWithApp(App, '/settings', onboardedApp())
    await mounted.wrapper.find('input[name="theme"][value="dark"]').setValue(true)
    await flushPromises()
    expect(mounted.app.services.settings.get().theme).toBe('dark')
    expect(document.documentElement.dataset['theme']).toBe('dark')
  })

  it('shows where the data lives', async () => {
    mounted = await mountWithApp(App, '/settings', onboardedApp())
    expect(mounted.wrapper.find('[data-testid="data-dir"]').text()).toBe(mounted.app.dataDir)
  })

  it('saves a changed bedtime, which Today then shows', async () => {
    mounted = await mountWithApp(App, '/settings', onboardedApp())
    await mounted.wrapper.find('input[type="time"]').setValue('21:50')
    await mounted.wrapper.find('form').trigger('submit')
    await flushPromises()
    expect(mounted.wrapper.text()).toContain('Profile saved.')
    await mounted.router.push('/today')
    await flushPromises()
    expect(mounted.wrapper.find('[data-testid="today-bedtime"]').text()).toBe('21:50')
  })

  it('shows a notice about a database that was moved aside, until dismissed', async () => {
    const app = onboardedApp()
    app.services.appInfo.info().notices.push({
      id: 'moved',
      level: 'warning',
      title: 'Your data file could not be opened',
      message: 'It was moved aside.',
      path: '/x/stillwell.db.damaged'
    })
    mounted = await mountWithApp(App, '/today', app)
    const alert = mounted.wrapper.find('[role="alert"]')
    expect(alert.text()).toContain('/x/stillwell.db.damaged')
    await alert.find('button').trigger('click')
    await flushPromises()
    expect(mounted.wrapper.find('[role="alert"]').exists()).toBe(false)
  })
})
