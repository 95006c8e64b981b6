/**
 * The channel names alone, with no validator code, so the sandboxed preload can
 * build its api object without bundling zod. `tests/unit/ipc/handle.test.ts`
 * checks this list against the contract, so the two cannot drift apart.
 */
export const CHANNELS = [
  'app.info',
  'app.dismissNotice',
  'app.openExternal',
  'settings.get',
  'settings.update',
  'settings.completeOnboarding',
  'journal.defaults',
  'journal.list',
  'journal.get',
  'journal.create',
  'journal.update',
  'journal.delete',
  'journal.restore',
  'journal.glance',
  'journal.exportCsv',
  'journal.factors.list',
  'journal.factors.create',
  'journal.factors.update',
  'insights.get',
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
