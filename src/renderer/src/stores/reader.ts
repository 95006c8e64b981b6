import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type {
  ArticleDetail,
  ArticleProgress,
  ArticleSummary,
  Bookmark,
  Library,
  ReaderPreferences,
  SearchHit
} from '../../../shared/contract'
import { DEFAULT_FONT_SCALE, MAX_IMPORT_BYTES, type FontScale } from '../../../shared/domain/articles'
import { ApiError, call, errorMessage } from '../api'

/** A problem with a file the user picked, found before anything was sent. */
export class ImportError extends Error {}

export const useReaderStore = defineStore('reader', () => {
  const library = ref<Library | null>(null)
  const bookmarks = ref<Bookmark[]>([])
  const preferences = ref<ReaderPreferences>({ fontScale: DEFAULT_FONT_SCALE })
  const loadError = ref('')
  /** A one-off message for the library, such as "… was deleted", shown once it opens. */
  const notice = ref('')

  const query = ref('')
  const tag = ref<string | null>(null)
  const results = ref<SearchHit[] | null>(null)
  let searchTicket = 0

  const article = ref<ArticleDetail | null>(null)
  const articleError = ref('')

  const searching = computed(() => query.value.trim() !== '')
  const visibleArticles = computed(() => {
    const all = library.value?.articles ?? []
    return tag.value ? all.filter((a) => a.tags.includes(tag.value!)) : all
  })

  async function loadLibrary(): Promise<void> {
    loadError.value = ''
    try {
      const [lib, marks, prefs] = await Promise.all([call('articles.list'), call('articles.bookmarks'), call('articles.preferences')])
      library.value = lib
      bookmarks.value = marks
      preferences.value = prefs
      if (tag.value && !lib.tags.some((t) => t.tag === tag.value)) tag.value = null
      if (searching.value) await runSearch()
    } catch (error) {
      loadError.value = message(error, 'The library could not be loaded. Please try again.')
    }
  }

  async function loadPreferences(): Promise<void> {
    try {
      preferences.value = await call('articles.preferences')
    } catch {
      // The default size is a fine fallback; nothing to tell the user.
    }
  }

  /** Runs the current search; a slower, older answer never replaces a newer one. */
  async function runSearch(): Promise<void> {
    const ticket = ++searchTicket
    const text = query.value
    if (!text.trim()) {
      results.value = null
      return
    }
    try {
      const hits = await call('articles.search', { query: text, tag: tag.value })
      if (ticket === searchTicket) results.value = hits
    } catch (error) {
      if (ticket === searchTicket) {
        results.value = []
        loadError.value = message(error, 'Search is not available right now.')
      }
    }
  }

  function setQuery(text: string): Promise<void> {
    query.value = text
    return runSearch()
  }

  function setTag(next: string | null): Promise<void> {
    tag.value = next
    return runSearch()
  }

  async function openArticle(slug: string): Promise<ArticleDetail | null> {
    articleError.value = ''
    try {
      article.value = await call('articles.get', { slug })
      return article.value
    } catch (error) {
      article.value = null
      articleError.value = message(error, 'This article could not be opened.')
      return null
    }
  }

  function applyProgress(slug: string, progress: ArticleProgress): void {
    if (article.value?.slug === slug) article.value.progress = progress
    const card = library.value?.articles.find((a) => a.slug === slug)
    if (card) card.progress = progress
  }

  async function savePosition(slug: string, fraction: number, anchor: string | null): Promise<void> {
    try {
      applyProgress(slug, await call('articles.savePosition', { slug, fraction, anchor }))
    } catch {
      // Losing one position update is harmless: the next scroll saves again.
    }
  }

  async function setRead(slug: string, read: boolean): Promise<void> {
    applyProgress(slug, await call('articles.setRead', { slug, read }))
  }

  async function addBookmark(slug: string, anchor: string | null, label: string, fraction: number): Promise<Bookmark> {
    const bookmark = await call('articles.addBookmark', { slug, anchor, label, fraction })
    bookmarks.value = [bookmark, ...bookmarks.value.filter((b) => b.id !== bookmark.id)]
    if (article.value?.slug === slug) {
      article.value.bookmarks = [...article.value.bookmarks.filter((b) => b.id !== bookmark.id), bookmark].sort(
        (a, b) => a.fraction - b.fraction
      )
    }
    return bookmark
  }

  async function removeBookmark(id: number): Promise<void> {
    try {
      await call('articles.removeBookmark', { id })
    } catch (error) {
      // Already gone (another window, or a double click): the list below is what matters.
      if (!(error instanceof ApiError && error.code === 'not-found')) throw error
    }
    bookmarks.value = bookmarks.value.filter((b) => b.id !== id)
    if (article.value) article.value.bookmarks = article.value.bookmarks.filter((b) => b.id !== id)
  }

  /** Reads the picked file, sends it as base64 and adds the new document to the library. */
  async function importDocument(file: File): Promise<ArticleSummary> {
    if (file.size === 0) throw new ImportError('This file is empty. Choose a Markdown file with some text in it.')
    if (file.size > MAX_IMPORT_BYTES) throw new ImportError('This file is larger than 1 MB. Stillwell imports documents up to 1 MB.')
    const contentBase64 = toBase64(new Uint8Array(await file.arrayBuffer()))
    const added = await call('articles.import', { fileName: file.name, contentBase64 })
    await loadLibrary()
    return added
  }

  async function updateDetails(slug: string, title: string, tags: string[]): Promise<void> {
    const updated = await call('articles.update', { slug, title, tags })
    if (article.value?.slug === slug) Object.assign(article.value, { title: updated.title, tags: updated.tags })
    await loadLibrary()
  }

  async function deleteDocument(slug: string): Promise<void> {
    await call('articles.delete', { slug })
    if (article.value?.slug === slug) article.value = null
    await loadLibrary()
  }

  async function setFontScale(fontScale: FontScale): Promise<void> {
    const previous = preferences.value
    preferences.value = { fontScale }
    try {
      preferences.value = await call('articles.setPreferences', { fontScale })
    } catch (error) {
      preferences.value = previous
      throw error
    }
  }

  return {
    library,
    bookmarks,
    preferences,
    loadError,
    notice,
    query,
    tag,
    results,
    searching,
    visibleArticles,
    article,
    articleError,
    loadLibrary,
    loadPreferences,
    setQuery,
    setTag,
    openArticle,
    savePosition,
    setRead,
    addBookmark,
    removeBookmark,
    importDocument,
    updateDetails,
    deleteDocument,
    setFontScale
  }
})

function toBase64(bytes: Uint8Array): string {
  let binary = ''
  // In slices: spreading a whole megabyte into one call would overflow the argument limit.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(binary)
}

function message(error: unknown, fallback: string): string {
  return errorMessage(error, fallback)
}
