import type { Services } from '../../services'
import type { articlesChannels } from '../../../shared/contract'
import type { Handlers } from './types'

/** The reader. */
export const articlesHandlers = (services: Services): Handlers<typeof articlesChannels> => ({
  'articles.list': () => services.articles.list(),
  'articles.nextRead': () => services.articles.nextRead(),
  'articles.search': ({ query, tag }) => services.articles.search(query, tag ?? null),
  'articles.get': ({ slug }) => services.articles.get(slug),
  'articles.savePosition': ({ slug, fraction, anchor }) => services.articles.savePosition(slug, fraction, anchor),
  'articles.setRead': ({ slug, read }) => services.articles.setRead(slug, read),
  'articles.bookmarks': () => services.articles.bookmarks(),
  'articles.addBookmark': ({ slug, anchor, label, fraction }) => services.articles.addBookmark(slug, anchor, label, fraction),
  'articles.removeBookmark': ({ id }) => services.articles.removeBookmark(id),
  'articles.import': ({ fileName, contentBase64 }) => services.articles.importFile(fileName, contentBase64),
  'articles.update': ({ slug, title, tags }) => services.articles.update(slug, { title, tags }),
  'articles.delete': ({ slug }) => services.articles.remove(slug),
  'articles.preferences': () => services.articles.preferences(),
  'articles.setPreferences': (preferences) => services.articles.setPreferences(preferences)
})
