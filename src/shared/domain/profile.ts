/**
 * Profile and settings constants, free of any validator code so the renderer
 * can use them without shipping zod. The contract builds its schemas from these.
 */
export const AGE_BANDS = ['14-18', '19-30', '31-50', '51-70', '71+'] as const
export const SEXES = ['female', 'male'] as const
export const LIFE_STAGES = ['none', 'pregnant', 'lactating'] as const
export const THEMES = ['system', 'light', 'dark'] as const

export type AgeBand = (typeof AGE_BANDS)[number]
export type Sex = (typeof SEXES)[number]
export type LifeStage = (typeof LIFE_STAGES)[number]
export type Theme = (typeof THEMES)[number]

export interface ProfileValues {
  name: string
  ageBand: AgeBand
  sex: Sex
  lifeStage: LifeStage
  /** 'HH:MM', 24-hour local time. */
  bedtime: string
}

export interface SettingsValues {
  onboarded: boolean
  disclaimerAccepted: boolean
  profile: ProfileValues
  theme: Theme
  keepRunningInTray: boolean
  launchAtLogin: boolean
}

export const DEFAULT_SETTINGS: SettingsValues = {
  onboarded: false,
  disclaimerAccepted: false,
  profile: { name: '', ageBand: '31-50', sex: 'female', lifeStage: 'none', bedtime: '22:30' },
  theme: 'system',
  keepRunningInTray: true,
  launchAtLogin: false
}
