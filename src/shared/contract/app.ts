import { z } from 'zod'
import { isSafeExternalUrl, MAX_URL_LENGTH } from '../domain/articles'

/** Something the user must be told once the window is up (for example a database moved aside). */
export const StartupNoticeSchema = z.object({
  id: z.string(),
  level: z.enum(['info', 'warning', 'error']),
  title: z.string(),
  message: z.string(),
  /** A file the notice is about, shown so the user can find it. */
  path: z.string().optional()
})

export const AppInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  /** 'electron' for the desktop app, 'web' for the development and test harness. */
  shell: z.enum(['electron', 'web']),
  dataDir: z.string(),
  databasePath: z.string(),
  schemaVersion: z.number().int(),
  notices: z.array(StartupNoticeSchema),
  /** The day this build was made (desktop app). */
  buildDate: z.string().optional(),
  /** process.platform of the desktop app, for help that differs per system. */
  platform: z.string().optional(),
  /** False on a Linux desktop with no tray host: closing the window minimises instead of hiding. */
  trayAvailable: z.boolean().optional()
})

export type StartupNotice = z.infer<typeof StartupNoticeSchema>
export type AppInfo = z.infer<typeof AppInfoSchema>

export const appChannels = {
  'app.info': { input: z.undefined(), output: AppInfoSchema },
  'app.dismissNotice': { input: z.object({ id: z.string().max(200) }).strict(), output: z.null() },
  /** Hands an https link to the system browser; the page has already asked the user. */
  'app.openExternal': {
    input: z
      .object({
        url: z
          .string()
          .max(MAX_URL_LENGTH, 'That link is too long.')
          .refine(isSafeExternalUrl, 'Only secure web links (https://) can be opened.')
      })
      .strict(),
    output: z.object({ opened: z.boolean() })
  },
  /** Shows one notification now, the way evening reminders arrive (Settings → Evening reminders). */
  'app.testReminder': { input: z.undefined(), output: z.object({ shown: z.boolean() }) },
  /** Versions, the data folder and recent log lines for a bug report, never health data; copied where the shell can. */
  'app.diagnostics': { input: z.undefined(), output: z.object({ text: z.string(), copied: z.boolean() }) }
} as const

/** Messages the main side pushes to the renderer (no reply). */
export const NotificationEventSchema = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  /** Where clicking it takes the user, as an in-app route. */
  route: z.string().optional(),
  at: z.string(),
  /** Shown without the system's notification sound. */
  silent: z.boolean().optional()
})

export type NotificationEvent = z.infer<typeof NotificationEventSchema>

export const appEvents = {
  notification: NotificationEventSchema,
  /** The shell asks the renderer to show a route (tray menu, notification click). */
  navigate: z.object({ route: z.string() })
} as const
