import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openDatabase, type OpenedDatabase } from '../../../src/main/db/connection'
import { createKeyValueStore } from '../../../src/main/db/key-value-store'
import { createArticleService, type ArticleService } from '../../../src/main/services/articles'
import { startTestApp, type TestApp } from '../../support/app'
import { makeTempDir } from '../../support/temp-dir'

const BUNDLED = join(__dirname, '..', '..', '..', 'resources', 'articles')

let app: TestApp | undefined
const cleanups: (() => void)[] = []
afterEach(() => {
  app?.close()
  app = undefined
  for (const cleanup of cleanups.splice(0)) cleanup()
})

/** The article service over its own resources folder, so tests can change the shipped articles. */
function withResources(): {
  resources: string
  dataDir: string
  start: (now?: Date) => { service: ArticleService; opened: OpenedDatabase }
} {
  const temp = makeTempDir()
  cleanups.push(temp.cleanup)
  const resources = join(temp.dir, 'resources')
  mkdirSync(join(resources, 'articles'), { recursive: true })
  cpSync(BUNDLED, join(resources, 'articles'), { recursive: true })
  const dataDir = join(temp.dir, 'data')
  const start = (now = new Date('2026-11-24T20:00:00Z')) => {
    const opened = openDatabase({ dataDir })
    cleanups.unshift(() => opened.db.close())
    const clock = { now: () => now, zone: () => 'UTC' }
    const service = createArticleService({
      db: opened.db,
      clock,
      keyValue: createKeyValueStore(opened.db),
      resourcesDir: resources,
      log: () => undefined
    })
    return { service, opened }
  }
  return { resources, dataDir, start }
}

describe('the library', () => {
  it('lists every bundled article with its reading time, tags and an unread state', async () => {
    app = startTestApp()
    const result = await app.invoke('articles.list')
    expect(result.ok).toBe(true)
    if (!result.ok) return
    const iron = result.value.articles.find((a) => a.slug === 'iron-and-rls')
    expect(iron).toMatchObject({
      title: 'Iron and RLS',
      origin: 'bundled',
      lastReviewed: '2026-12-01',
      tags: ['iron', 'treatment', 'food'],
      progress: { position: 0, furthest: 0, read: false }
    })
    expect(iron!.readingMinutes).toBeGreaterThanOrEqual(3)
    expect(result.value.tags[0]).toEqual({ tag: 'iron', count: 6 })
  })

  it('opens an article with its body, references, and related articles by shared tags', async () => {
    app = startTestApp()
    const result = await app.invoke('articles.get', { slug: 'magnesium-and-rls' })
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.value.body.startsWith('Magnesium is one of the most common')).toBe(true)
    expect(result.value.references.some((r) => r.startsWith('Marshall NS'))).toBe(true)
    expect(result.value.related.map((r) => r.slug)).toEqual(['magnesium-supplements', 'magnesium-rich-foods', 'rls-in-pregnancy'])
    const missing = await app.invoke('articles.get', { slug: 'no-such-article' })
    expect(!missing.ok && missing.error.code).toBe('not-found')
  })
})

describe('reading progress', () => {
  it('remembers where the reader was and how far they got, and marks the article read near the end', async () => {
    app = startTestApp()
    await app.invoke('articles.savePosition', { slug: 'iron-and-rls', fraction: 0.6, anchor: 'sec-iron-from-food' })
    const back = await app.invoke('articles.savePosition', { slug: 'iron-and-rls', fraction: 0.3, anchor: null })
    expect(back.ok && back.value).toMatchObject({ position: 0.3, furthest: 0.6, anchor: null, read: false })
    const end = await app.invoke('articles.savePosition', { slug: 'iron-and-rls', fraction: 0.97, anchor: 'sec-talk-to-your-doctor' })
    expect(end.ok && end.value.read).toBe(true)
    // Scrolling back up afterwards does not make it unread.
    const up = await app.invoke('articles.savePosition', { slug: 'iron-and-rls', fraction: 0.1, anchor: null })
    expect(up.ok && up.value).toMatchObject({ position: 0.1, read: true })
  })

  it('survives closing and reopening the app', () => {
    const { start } = withResources()
    const first = start()
    first.service.savePosition('what-is-rls', 0.42, 'sec-how-it-is-diagnosed')
    first.opened.db.close()
    const second = start()
    expect(second.service.get('what-is-rls').progress).toMatchObject({ position: 0.42, anchor: 'sec-how-it-is-diagnosed' })
  })

  it('gives Today one article to read next: where to start, then the one the reader left part-way', async () => {
    app = startTestApp()
    const fresh = await app.invoke('articles.nextRead')
    expect(fresh).toEqual({
      ok: true,
      value: {
        kind: 'start',
        slug: 'what-is-rls',
        title: 'What is restless legs syndrome?',
        readingMinutes: expect.any(Number),
        position: 0
      }
    })
    await app.invoke('articles.savePosition', { slug: 'iron-and-rls', fraction: 0.4, anchor: null })
    const going = await app.invoke('articles.nextRead')
    expect(going.ok && going.value).toMatchObject({ kind: 'continue', slug: 'iron-and-rls', title: 'Iron and RLS', position: 0.4 })
    // Read to the end, it is no longer offered; the first article, now read, is not offered to start either.
    await app.invoke('articles.savePosition', { slug: 'iron-and-rls', fraction: 0.97, anchor: null })
    await app.invoke('articles.setRead', { slug: 'what-is-rls', read: true })
    const after = await app.invoke('articles.nextRead')
    expect(after.ok && after.value).toMatchObject({ kind: 'start' })
    expect(after.ok && after.value?.slug).not.toMatch(/^(iron-and-rls|what-is-rls)$/)
  })

  it('offers nothing once every article that comes with Stillwell is read', async () => {
    app = startTestApp()
    const library = app.services.articles.list().articles
    for (const article of library) await app.invoke('articles.setRead', { slug: article.slug, read: true })
    expect(await app.invoke('articles.nextRead')).toEqual({ ok: true, value: null })
  })

  it('can be marked read and unread by hand', async () => {
    app = startTestApp()
    const read = await app.invoke('articles.setRead', { slug: 'what-is-rls', read: true })
    expect(read.ok && read.value).toMatchObject({ read: true, furthest: 1 })
    const unread = await app.invoke('articles.setRead', { slug: 'what-is-rls', read: false })
    expect(unread.ok && unread.value).toMatchObject({ read: false, furthest: 0 })
  })

  it('refuses positions outside the article and anchors that are not headings', async () => {
    app = startTestApp()
    for (const input of [
      { slug: 'iron-and-rls', fraction: 1.5, anchor: null },
      { slug: 'iron-and-rls', fraction: -0.1, anchor: null },
      { slug: 'iron-and-rls', fraction: 0.5, anchor: 'main' },
      { slug: '../etc', fraction: 0.5, anchor: null }
    ]) {
      const result = await app.invoke('articles.savePosition', input)
      expect(!result.ok && result.error.code, JSON.stringify(input)).toBe('invalid-input')
    }
    expect(app.opened.db.prepare('SELECT count(*) FROM article_progress').pluck().get()).toBe(0)
  })
})

describe('bookmarks', () => {
  it('keep one bookmark per place, newest first across articles', async () => {
    app = startTestApp()
    const a = await app.invoke('articles.addBookmark', {
      slug: 'iron-and-rls',
      anchor: 'sec-which-tests-and-what-the-numbers-mean',
      label: 'Which tests',
      fraction: 0.3
    })
    const b = await app.invoke('articles.addBookmark', { slug: 'what-is-rls', anchor: null, label: 'Beginning', fraction: 0 })
    const again = await app.invoke('articles.addBookmark', {
      slug: 'iron-and-rls',
      anchor: 'sec-which-tests-and-what-the-numbers-mean',
      label: 'Which tests',
      fraction: 0.31
    })
    expect(a.ok && again.ok && again.value.id === a.value.id).toBe(true)
    const list = await app.invoke('articles.bookmarks')
    expect(list.ok && list.value.map((x) => [x.slug, x.anchor, x.label])).toEqual([
      ['what-is-rls', null, 'Beginning'],
      ['iron-and-rls', 'sec-which-tests-and-what-the-numbers-mean', 'Which tests']
    ])
    expect(list.ok && list.value[1]!.articleTitle).toBe('Iron and RLS')
    expect(app.services.articles.get('iron-and-rls').bookmarks).toHaveLength(1)
    if (b.ok) expect((await app.invoke('articles.removeBookmark', { id: b.value.id })).ok).toBe(true)
    expect(app.services.articles.bookmarks()).toHaveLength(1)
  })
})

describe('reader preferences', () => {
  it('default to 100 % and keep a chosen text size', async () => {
    app = startTestApp()
    expect(await app.invoke('articles.preferences')).toEqual({ ok: true, value: { fontScale: 100 } })
    expect((await app.invoke('articles.setPreferences', { fontScale: 130 })).ok).toBe(true)
    expect(await app.invoke('articles.preferences')).toEqual({ ok: true, value: { fontScale: 130 } })
    const odd = await app.invoke('articles.setPreferences', { fontScale: 137 as 130 })
    expect(!odd.ok && odd.error.fields?.['fontScale']).toBe('Choose one of the offered text sizes.')
    // A damaged stored value falls back to the default instead of failing.
    app.services.keyValue.set({ 'reader.preferences': { fontScale: 'huge' } })
    expect(app.services.articles.preferences()).toEqual({ fontScale: 100 })
  })
})

describe('re-indexing the bundled articles at start', () => {
  it('is idempotent: a second start with the same files rewrites nothing', () => {
    const { start } = withResources()
    const first = start()
    const stamps = first.opened.db.prepare('SELECT slug, updated_at FROM articles ORDER BY slug').all()
    first.opened.db.close()
    const second = start(new Date('2026-12-01T08:00:00Z'))
    expect(second.service.syncBundled().changed).toBe(0)
    expect(second.opened.db.prepare('SELECT slug, updated_at FROM articles ORDER BY slug').all()).toEqual(stamps)
    expect(second.opened.db.prepare('SELECT count(*) FROM article_search').pluck().get()).toBe(stamps.length)
  })

  it('rewrites a changed article in place, keeping its progress and bookmarks, and drops one no longer shipped', () => {
    const { resources, start } = withResources()
    const first = start()
    first.service.savePosition('iron-and-rls', 0.5, null)
    first.service.addBookmark('iron-and-rls', null, 'Beginning', 0)
    first.service.savePosition('using-the-journal', 0.2, null)
    first.opened.db.close()

    const file = join(resources, 'articles', 'iron-and-rls.md')
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace('Of all the nutritional factors', 'Of all the nutritional questions, and quokkas,')
    )
    rmSync(join(resources, 'articles', 'using-the-journal.md'))

    const second = start()
    expect(second.service.get('iron-and-rls').body).toContain('quokkas')
    expect(second.service.search('quokkas')[0]?.slug).toBe('iron-and-rls')
    expect(second.service.get('iron-and-rls').progress.position).toBe(0.5)
    expect(second.service.bookmarks()).toHaveLength(1)
    expect(second.service.list().articles.some((a) => a.slug === 'using-the-journal')).toBe(false)
    expect(second.service.search('journal').some((h) => h.slug === 'using-the-journal')).toBe(false)
    expect(second.opened.db.prepare('SELECT count(*) FROM article_progress').pluck().get()).toBe(1)
  })

  it('skips a broken article and keeps the rest, and never touches the user’s own documents', () => {
    const { resources, start } = withResources()
    const first = start()
    first.service.importFile('mine.md', Buffer.from('# Mine\n\nMy words.').toString('base64'))
    first.opened.db.close()
    writeFileSync(join(resources, 'articles', 'broken.md'), '---\ntitle: [unclosed\n---\nBody')
    const second = start()
    const { problems } = second.service.syncBundled()
    expect(problems).toEqual([expect.stringMatching(/^broken\.md: the front matter is not valid YAML/)])
    expect(second.service.list().articles).toHaveLength(13)
    expect(second.service.get('your-mine').title).toBe('Mine')
  })

  it('keeps the library as it was when the articles folder cannot be read', () => {
    const { resources, start } = withResources()
    start().opened.db.close()
    rmSync(join(resources, 'articles'), { recursive: true })
    const second = start()
    expect(second.service.list().articles).toHaveLength(12)
  })
})
