import { z } from 'zod'
import { AGE_BANDS, DEFAULT_SETTINGS as DEFAULTS, LIFE_STAGES, SEXES, THEMES, type SettingsValues } from '../domain/profile'
import type { SameShape } from './same-shape'

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a 24-hour time such as 22:30.')

export const ProfileSchema = z
  .object({
    name: z.string().trim().max(60, 'Keep the name under 60 characters.'),
    ageBand: z.enum(AGE_BANDS),
    sex: z.enum(SEXES),
    lifeStage: z.enum(LIFE_STAGES),
    bedtime: clockTime
  })
  .strict()
  .refine((p) => p.sex === 'female' || p.lifeStage === 'none', {
    message: 'Pregnancy and breastfeeding apply only to the female targets.',
    path: ['lifeStage']
  })

export const SettingsSchema = z
  .object({
    /** Set once the first-run screen has been completed. */
    onboarded: z.boolean(),
    /** The medical disclaimer has been shown and acknowledged. */
    disclaimerAccepted: z.boolean(),
    profile: ProfileSchema,
    theme: z.enum(THEMES),
    /** Keep running in the tray when the window closes, so reminders still arrive. */
    keepRunningInTray: z.boolean(),
    /** Start Stillwell (quietly, in the tray) when the user logs in. Desktop app only. */
    launchAtLogin: z.boolean()
  })
  .strict()

export const SettingsPatchSchema = z
  .object({
    onboarded: z.boolean().optional(),
    disclaimerAccepted: z.boolean().optional(),
    profile: z
      .object({
        name: ProfileSchema.shape.name.optional(),
        ageBand: ProfileSchema.shape.ageBand.optional(),
        sex: ProfileSchema.shape.sex.optional(),
        lifeStage: ProfileSchema.shape.lifeStage.optional(),
        bedtime: ProfileSchema.shape.bedtime.optional()
      })
      .strict()
      .optional(),
    theme: z.enum(THEMES).optional(),
    keepRunningInTray: z.boolean().optional(),
    launchAtLogin: z.boolean().optional()
  })
  .strict()

export const OnboardingSchema = z
  .object({
    profile: ProfileSchema,
    disclaimerAccepted: z.literal(true, {
      error: 'Please confirm you have read the note about medical advice.'
    })
  })
  .strict()

export type Profile = z.infer<typeof ProfileSchema>
export type Settings = z.infer<typeof SettingsSchema>
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>
export type Onboarding = z.infer<typeof OnboardingSchema>
export type { AgeBand, Theme } from '../domain/profile'
export { AGE_BANDS, LIFE_STAGES, SEXES, THEMES }

export const DEFAULT_SETTINGS: Settings = DEFAULTS

// The hand-written settings type and the schema must describe the same shape.
const settingsShapesAgree: SameShape<Settings, SettingsValues> = true
void settingsShapesAgree

export const settingsChannels = {
  'settings.get': { input: z.undefined(), output: SettingsSchema },
  'settings.update': { input: SettingsPatchSchema, output: SettingsSchema },
  'settings.completeOnboarding': { input: OnboardingSchema, output: SettingsSchema }
} as const
