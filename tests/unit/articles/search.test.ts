import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { toMatchExpression } from '../../../src/main/services/articles'
import type { SearchHit } from '../../../src/shared/contract'
import { startTestApp, type TestApp } from '../../support/app'

let app: TestApp
beforeAll(() => {
  app = startTestApp()
})
afterAll(() => app.close())

const slugs = (hits: SearchHit[]): string[] => hits.map((h) => h.slug)
const text = (segments: { text: string }[]): string => segments.map((s) => s.text).join('')

describe('searching the library', () => {
  it.each([
    ['iron', 'iron-and-rls'],
    ['ferritin', 'iron-and-rls'],
    ['magnesium foods', 'magnesium-rich-foods'],
    ['augmentation', 'treatments-a-doctor-may-discuss'],
    ['pregnancy', 'rls-in-pregnancy'],
    ['wind-down', 'sleep-hygiene-and-wind-down'],
    ['journal', 'using-the-journal'],
    ['look-alikes diagnosis', 'what-is-rls']
  ])('"%s" ranks %s first', async (query, expected) => {
    const result = await app.invoke('articles.search', { query })
    expect(result.ok).toBe(true)
    if (result.ok) expect(result.value[0]?.slug).toBe(expected)
  })

  it('weights the title: an article named after the word beats one that only mentions it more', () => {
    // "Iron and RLS" is not the only article that talks about iron at length, but the only one titled so.
    const hits = app.services.articles.search('iron')
    expect(hits.length).toBeGreaterThan(3)
    expect(hits[0]!.slug).toBe('iron-and-rls')
    expect(hits[0]!.title).toEqual([
      { text: 'Iron', match: true },
      { text: ' and RLS', match: false }
    ])
  })

  it('finds words while they are being typed, and forms of a word', () => {
    expect(slugs(app.services.articles.search('augment'))[0]).toBe('treatments-a-doctor-may-discuss')
    expect(slugs(app.services.articles.search('pregnan'))[0]).toBe('rls-in-pregnancy')
    // Stemming: "stretching" finds an article that says "stretches".
    expect(slugs(app.services.articles.search('stretching'))).toContain('sleep-hygiene-and-wind-down')
  })

  it('needs every word: adding one narrows the results', () => {
    const broad = app.services.articles.search('kidney')
    const narrow = app.services.articles.search('kidney dialysis')
    expect(narrow.length).toBeGreaterThan(0)
    expect(narrow.length).toBeLessThan(broad.length)
  })

  it('shows each result a passage of its own article when several articles match one word', () => {
    const hits = app.services.articles.search('ferritin')
    expect(hits.length).toBeGreaterThan(2)
    const indexed = app.opened.db.prepare<[string], { body: string; summary: string }>(
      'SELECT s.body AS body, s.summary AS summary FROM article_search s JOIN articles a ON a.id = s.rowid WHERE a.slug = ?'
    )
    const flat = (value: string): string => value.replace(/\s+/g, ' ')
    for (const hit of hits) {
      const own = indexed.get(hit.slug)!
      // Every piece of the snippet between the ellipses is text of this article, not of another one.
      const pieces = text(hit.snippet)
        .split('…')
        .map((piece) => piece.replace(/ · /g, ' ').trim())
        .filter((piece) => piece.length > 0)
      expect(pieces.length, hit.slug).toBeGreaterThan(0)
      for (const piece of pieces) expect(flat(`${own.body} ${own.summary}`), hit.slug).toContain(flat(piece))
    }
    expect(new Set(hits.map((h) => text(h.snippet))).size).toBe(hits.length)
  })

  it('returns snippets as plain segments with the matches marked, never HTML', () => {
    const [hit] = app.services.articles.search('transferrin saturation')
    expect(hit).toBeDefined()
    const matches = hit!.snippet.filter((s) => s.match).map((s) => s.text.toLowerCase())
    expect(matches).toContain('transferrin')
    expect(matches).toContain('saturation')
    expect(text(hit!.snippet)).not.toMatch(/[<>]|\]\(|stillwell:/)
    expect(text(hit!.snippet)).not.toContain(String.fromCharCode(2))
    expect(text(hit!.snippet).length).toBeLessThan(300)
  })

  it('gives the results near the top a passage around the match, and the rest their summary', () => {
    const many = startTestApp()
    try {
      for (let i = 0; i < 8; i++) {
        many.services.articles.importFile(
          `n${i}.md`,
          Buffer.from(`# Note ${i}\n\nA short summary line.\n\nLater on, restless legs kept me up.`).toString('base64')
        )
      }
      const hits = many.services.articles.search('restless')
      expect(hits.length).toBeGreaterThan(12)
      expect(hits.slice(0, 12).every((h) => h.snippet.some((s) => s.match))).toBe(true)
      for (const hit of hits.slice(12)) {
        expect(hit.snippet.some((s) => s.match)).toBe(false)
        expect(text(hit.snippet)).toBe(many.services.articles.list().articles.find((a) => a.slug === hit.slug)!.summary)
      }
    } finally {
      many.close()
    }
  })

  it('does not index link addresses or Markdown syntax', () => {
    // "hygiene" and "reader" appear only inside link addresses (stillwell:/reader/sleep-hygiene-…).
    expect(app.services.articles.search('hygiene')).toEqual([])
    expect(app.services.articles.search('reader')).toEqual([])
    expect(app.services.articles.search('**')).toEqual([])
    // The NDB numbers in the food tables are text a reader sees, so they are found.
    expect(slugs(app.services.articles.search('12014'))).toEqual(expect.arrayContaining(['magnesium-rich-foods', 'iron-and-rls']))
  })

  it('filters by tag', () => {
    const all = slugs(app.services.articles.search('iron'))
    const pregnancy = slugs(app.services.articles.search('iron', 'pregnancy'))
    expect(pregnancy).toEqual(['rls-in-pregnancy'])
    expect(all.length).toBeGreaterThan(pregnancy.length)
  })

  it('treats search syntax and odd input as plain text, without errors', async () => {
    for (const query of [
      '"',
      '*',
      'NEAR(iron',
      'iron OR',
      'title:iron',
      '-iron',
      '(',
      '^',
      'iron"; DROP TABLE articles; --',
      '🙂',
      '   '
    ]) {
      const result = await app.invoke('articles.search', { query })
      expect(result.ok, query).toBe(true)
    }
    expect(app.services.articles.search('')).toEqual([])
    expect(app.services.articles.search('zzzqqq')).toEqual([])
    expect(app.services.articles.list().articles.length).toBeGreaterThanOrEqual(10)
  })

  it('refuses an overlong query with a message for people', async () => {
    const result = await app.invoke('articles.search', { query: 'x'.repeat(201) })
    expect(!result.ok && result.error.fields?.['query']).toBe('Keep the search under 200 characters.')
  })
})

describe('toMatchExpression', () => {
  it('quotes every word and makes only the word being typed a prefix', () => {
    expect(toMatchExpression('iron')).toBe('"iron"*')
    expect(toMatchExpression('iron ')).toBe('"iron"')
    expect(toMatchExpression('low iron')).toBe('"low" "iron"*')
    expect(toMatchExpression('"NEAR(a b)"')).toBe('"NEAR" "a" "b"')
    expect(toMatchExpression('café')).toBe('"café"*')
    expect(toMatchExpression('?!')).toBeNull()
  })
})
