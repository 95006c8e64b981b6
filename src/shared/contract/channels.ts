/**
 * The channel names alone, with no validator code, so the sandboxed preload can
 * build its api object without bundling zod. `tests/unit/contract.test.ts`
 * checks this list against the contract, so the two cannot drift apart.
 */
export const CHANNELS = [
  'app.info',
  'app.dismissNotice',
  'settings.get',
  'settings.update',
  'settings.completeOnboarding',
  'reminders.get',
  'reminders.update',
  'reminders.skip',
  'reminders.snooze',
  'reminders.pending',
  'reminders.dismissPending',
  'routine.get',
  'routine.tick',
  'routine.addItem',
  'routine.renameItem',
  'routine.removeItem',
  'routine.moveItem',
  'routine.restoreSuggestions',
  'routine.history'
] as const

export const EVENTS = ['notification', 'navigate'] as const

export type ChannelName = (typeof CHANNELS)[number]
export type EventName = (typeof EVENTS)[number]
