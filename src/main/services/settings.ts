import { fieldMessages } from '../../shared/schemas/messages'
import type { z } from 'zod'
import { AppError, DEFAULT_SETTINGS, SettingsSchema, type Onboarding, type Settings, type SettingsPatch } from '../../shared/contract'
import type { KeyValueStore } from '../db/key-value-store'

type SettingKey = keyof Settings
const KEYS = Object.keys(DEFAULT_SETTINGS) as SettingKey[]

export interface SettingsService {
  get(): Settings
  update(patch: SettingsPatch): Settings
  completeOnboarding(input: Onboarding): Settings
  /** Called after every successful change (theme, tray behaviour, reminders re-plan). */
  onChange(listener: (settings: Settings) => void): () => void
}

export function createSettingsService(store: KeyValueStore): SettingsService {
  const listeners = new Set<(settings: Settings) => void>()

  /**
   * Stored values are read one key at a time and each is checked on its own:
   * a damaged or outdated value falls back to its default instead of hiding
   * every other setting.
   */
  function get(): Settings {
    const stored = store.entries()
    const settings: Record<string, unknown> = { ...DEFAULT_SETTINGS }
    for (const key of KEYS) {
      if (!stored.has(key)) continue
      const candidate = key === 'profile' ? { ...DEFAULT_SETTINGS.profile, ...asObject(stored.get(key)) } : stored.get(key)
      const field = SettingsSchema.shape[key] as z.ZodType
      if (field.safeParse(candidate).success) settings[key] = candidate
    }
    return settings as Settings
  }

  function save(next: unknown): Settings {
    const parsed = SettingsSchema.safeParse(next)
    if (!parsed.success) throw new AppError('invalid-input', 'Some settings are not valid.', fieldMessages(parsed.error))
    store.set(parsed.data)
    for (const listener of listeners) listener(parsed.data)
    return parsed.data
  }

  return {
    get,
    update(patch) {
      const current = get()
      return save({ ...current, ...patch, profile: { ...current.profile, ...patch.profile } })
    },
    completeOnboarding(input) {
      return save({ ...get(), profile: input.profile, disclaimerAccepted: true, onboarded: true })
    },
    onChange(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    }
  }
}

function asObject(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {}
}
