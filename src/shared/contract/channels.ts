/**
 * The channel names alone, with no validator code, so the sandboxed preload can
 * build its api object without bundling zod. `tests/unit/contract.test.ts`
 * checks this list against the contract, so the two cannot drift apart.
 */
export const CHANNELS = [
  'app.info',
  'app.dismissNotice',
  'app.openExternal',
  'settings.get',
  'settings.update',
  'settings.completeOnboarding',
  'articles.list',
  'articles.search',
  'articles.get',
  'articles.savePosition',
  'articles.setRead',
  'articles.bookmarks',
  'articles.addBookmark',
  'articles.removeBookmark',
  'articles.import',
  'articles.update',
  'articles.delete',
  'articles.preferences',
  'articles.setPreferences'
] as const

export const EVENTS = ['notification', 'navigate'] as const

export type ChannelName = (typeof CHANNELS)[number]
export type EventName = (typeof EVENTS)[number]
