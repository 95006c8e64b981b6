import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DEFAULT_SETTINGS } from '../../../src/shared/contract'
import { startTestApp, type TestApp } from '../../support/app'

let app: TestApp
beforeEach(() => {
  app = startTestApp()
})
afterEach(() => app.close())

const profile = { name: 'Ana', ageBand: '51-70', sex: 'female', lifeStage: 'none', bedtime: '23:15' } as const

describe('settings service', () => {
  it('starts with the defaults and the first-run screen pending', () => {
    expect(app.services.settings.get()).toEqual(DEFAULT_SETTINGS)
    expect(app.services.settings.get().onboarded).toBe(false)
  })

  it('completing onboarding stores the profile and survives reopening the database', () => {
    app.services.settings.completeOnboarding({ profile, disclaimerAccepted: true })
    const dir = app.dataDir
    app.opened.db.close()
    const reopened = startTestApp(dir)
    try {
      expect(reopened.services.settings.get()).toMatchObject({ onboarded: true, disclaimerAccepted: true, profile })
    } finally {
      reopened.close()
    }
  })

  it('merges a partial profile change with what was there', () => {
    app.services.settings.completeOnboarding({ profile, disclaimerAccepted: true })
    const next = app.services.settings.update({ profile: { bedtime: '22:00' } })
    expect(next.profile).toEqual({ ...profile, bedtime: '22:00' })
  })

  it('rejects pregnancy on a male profile with a message for that field, and writes nothing', () => {
    expect(() => app.services.settings.update({ profile: { sex: 'male', lifeStage: 'pregnant' } })).toThrow(
      expect.objectContaining({ code: 'invalid-input', fields: { 'profile.lifeStage': expect.stringMatching(/female/) } })
    )
    expect(app.services.settings.get()).toEqual(DEFAULT_SETTINGS)
  })

  it('falls back to the default for one damaged stored value without losing the others', () => {
    app.services.settings.update({ theme: 'dark', keepRunningInTray: false })
    app.opened.db.prepare("UPDATE settings SET value = '\"purple\"' WHERE key = 'theme'").run()
    expect(app.services.settings.get()).toMatchObject({ theme: 'system', keepRunningInTray: false })
  })

  it('tells listeners about every saved change', () => {
    const seen: string[] = []
    app.services.settings.onChange((s) => seen.push(s.theme))
    app.services.settings.update({ theme: 'light' })
    app.services.settings.update({ theme: 'dark' })
    expect(seen).toEqual(['light', 'dark'])
  })
})
