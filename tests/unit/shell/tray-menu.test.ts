import { describe, expect, it, vi } from 'vitest'
import { nextReminderLine, trayMenuTemplate, type TrayActions } from '../../../src/main/shell/tray-menu'
import { startTestApp } from '../../support/app'
import { FakeComputer } from '../../support/fake-time'

function statusAt(iso: string, setUp: (app: ReturnType<typeof startTestApp>) => void = () => undefined) {
  const computer = new FakeComputer(iso, 'Europe/Berlin')
  const app = startTestApp(undefined, { clock: computer, timers: computer })
  try {
    app.services.settings.completeOnboarding({
      profile: { name: 'Jo', ageBand: '31-50', sex: 'female', lifeStage: 'none', bedtime: '22:30' },
      disclaimerAccepted: true
    })
    setUp(app)
    return app.services.reminders.status()
  } finally {
    app.close()
  }
}

const actions = (): TrayActions => ({ open: vi.fn(), startWindDown: vi.fn(), setSkipTonight: vi.fn(), quit: vi.fn() })

describe('the tray menu', () => {
  it('shows the next reminder as a disabled line, then the wind-down and skip actions', () => {
    const a = actions()
    const menu = trayMenuTemplate(statusAt('2026-01-15T12:00:00Z'), a)
    expect(menu.map((item) => item.label ?? '—')).toEqual([
      'Next reminder: Tonight 21:45',
      '—',
      'Open Stillwell',
      'Start wind-down now',
      'Skip tonight',
      '—',
      'Quit Stillwell'
    ])
    expect(menu[0]!.enabled).toBe(false)
    menu[3]!.click!({} as never, undefined, {} as never)
    menu[4]!.click!({} as never, undefined, {} as never)
    expect(a.startWindDown).toHaveBeenCalledOnce()
    expect(a.setSkipTonight).toHaveBeenCalledWith(true)
  })

  it('offers to undo a skip, and names the evening after bedtime', () => {
    const skipped = trayMenuTemplate(
      statusAt('2026-01-15T12:00:00Z', (app) => app.services.reminders.skipTonight()),
      actions()
    )
    expect(skipped[0]!.label).toBe('Next reminder: Tomorrow 21:45')
    expect(skipped[4]!.label).toBe('Don’t skip tonight')
    const late = trayMenuTemplate(statusAt('2026-01-15T22:00:00Z'), actions())
    expect(late[4]!.label).toBe('Skip tomorrow evening')
  })

  it('says why nothing is planned', () => {
    expect(nextReminderLine(statusAt('2026-01-15T12:00:00Z', (app) => app.services.reminders.update({ enabled: false })))).toBe(
      'Evening reminders are off'
    )
    expect(nextReminderLine(statusAt('2026-01-15T12:00:00Z', (app) => app.services.reminders.update({ pausedUntil: '2026-02-01' })))).toBe(
      'Reminders are paused until Mon 2 Feb 2026'
    )
    expect(nextReminderLine(null)).toBe('Reminders are starting…')
  })
})
