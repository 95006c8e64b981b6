import { flushPromises } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import AppNavigation from '../../src/renderer/src/components/AppNavigation.vue'
import { startTestApp } from '../support/app'
import { mountWithApp, type Mounted } from './mount'

// The section links are plain anchors (not RouterLinks, see AppNavigation.vue): these are the behaviours
// RouterLink gave them that users and assistive technology rely on.

let mounted: Mounted | null = null
afterEach(() => {
  mounted?.wrapper.unmount()
  mounted?.app.close()
  mounted = null
})

async function navAt(path: string): Promise<Mounted> {
  // Past the first-run screen, which every route leads to until it is done.
  const app = startTestApp()
  app.services.settings.completeOnboarding({
    profile: { name: 'Ada', ageBand: '31-50', sex: 'female', lifeStage: 'none', bedtime: '22:30' },
    disclaimerAccepted: true
  })
  mounted = await mountWithApp(AppNavigation, path, app)
  return mounted
}

function link(m: Mounted, label: string): HTMLAnchorElement {
  const found = m.wrapper.findAll('a').find((a) => a.text() === label)
  if (!found) throw new Error(`no link "${label}"`)
  return found.element as HTMLAnchorElement
}

const current = (m: Mounted): string[] =>
  m.wrapper.findAll('a.app-nav__link--active').map((a) => `${a.text()}${a.attributes('aria-current') ? ' (page)' : ''}`)

describe('section navigation', () => {
  it('marks the section shown as the current page, with hash addresses that open it', async () => {
    const m = await navAt('/today')
    expect(current(m)).toEqual(['Today (page)'])
    expect(link(m, 'Journal').getAttribute('href')).toBe('#/journal')
    expect(m.wrapper.findAll('a').map((a) => a.text())).toEqual([
      'Today',
      'Wind-down',
      'Journal',
      'Insights',
      'Experiments',
      'Planner',
      'Reader',
      'Settings'
    ])
  })

  it('keeps Reader highlighted in an open article and Settings on one of its pages, without calling them the page itself', async () => {
    const m = await navAt('/reader/magnesium-and-rls')
    expect(current(m)).toEqual(['Reader'])
    await m.router.push('/settings/wind-down')
    await flushPromises()
    expect(current(m)).toEqual(['Settings'])
    await m.router.push('/report')
    await flushPromises()
    expect(current(m)).toEqual([])
  })

  it('navigates in the app on a plain click, and leaves a click with a modifier key to the system', async () => {
    const m = await navAt('/today')
    const plain = new MouseEvent('click', { bubbles: true, cancelable: true, button: 0 })
    link(m, 'Planner').dispatchEvent(plain)
    expect(plain.defaultPrevented).toBe(true)
    // The planner's code loads first: wait for the navigation to finish rather than for a fixed time.
    await vi.waitFor(() => expect(m.router.currentRoute.value.path).toBe('/planner'), { timeout: 10_000 })
    await flushPromises()
    expect(current(m)).toEqual(['Planner (page)'])

    const withCtrl = new MouseEvent('click', { bubbles: true, cancelable: true, button: 0, ctrlKey: true })
    link(m, 'Journal').dispatchEvent(withCtrl)
    await flushPromises()
    expect(withCtrl.defaultPrevented).toBe(false)
    expect(m.router.currentRoute.value.path).toBe('/planner')
  })
})
