import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  countWords,
  internalLinkRoute,
  FIRST_READ,
  nextRead,
  isSafeExternalUrl,
  normalizeTags,
  parseInternalLink,
  progressLabel,
  readingMinutes,
  relatedByTags,
  scrollFraction,
  scrollTopFor,
  slugify
} from '../../../src/shared/domain/articles'

describe('app links', () => {
  it('lead to the four places articles link to', () => {
    expect(parseInternalLink('stillwell:/reader/iron-and-rls')).toEqual({ kind: 'article', slug: 'iron-and-rls' })
    expect(parseInternalLink('stillwell:/planner?foods=12014,08121')).toEqual({ kind: 'planner', foods: ['12014', '08121'] })
    expect(parseInternalLink('stillwell:/settings/wind-down')).toEqual({ kind: 'settings', section: 'wind-down' })
    expect(parseInternalLink('stillwell:/journal')).toEqual({ kind: 'journal' })
  })

  it('become routes the router knows', () => {
    expect(internalLinkRoute({ kind: 'planner', foods: ['12014', '08121'] })).toEqual({ path: '/planner', query: { foods: '12014,08121' } })
    expect(internalLinkRoute({ kind: 'settings', section: 'wind-down' })).toEqual({ path: '/settings/wind-down' })
    expect(internalLinkRoute({ kind: 'article', slug: 'what-is-rls' })).toEqual({ path: '/reader/what-is-rls' })
    expect(internalLinkRoute({ kind: 'journal' })).toEqual({ path: '/journal' })
  })

  it('are refused when malformed or pointing anywhere else', () => {
    for (const href of [
      'stillwell:/reader/',
      'stillwell:/reader/../../etc',
      'stillwell:/reader/a/b',
      'stillwell:/planner?foods=1201',
      'stillwell:/planner?foods=12014,<script>',
      'stillwell:/planner?foods=',
      'stillwell:/admin',
      'stillwell://evil.example/reader/x',
      'stillwell:javascript:alert(1)',
      'https://example.com/reader/x',
      'javascript:alert(1)'
    ]) {
      expect(parseInternalLink(href), href).toBeNull()
    }
  })
})

describe('external links', () => {
  it('are only plain https addresses', () => {
    expect(isSafeExternalUrl('https://aasm.org/clinical-resources/')).toBe(true)
    for (const url of [
      'http://aasm.org',
      'javascript:alert(1)',
      'data:text/html,hi',
      'file:///etc/passwd',
      'https://user:pw@evil.example',
      'https://',
      'stillwell:/journal',
      `https://a.example/${'x'.repeat(2100)}`
    ]) {
      expect(isSafeExternalUrl(url), url).toBe(false)
    }
  })
})

describe('reading time and words', () => {
  it('counts words the way a reader would, and never estimates under a minute', () => {
    expect(countWords("Don't stop — iron-rich foods, 27 mg.")).toBe(6)
    expect(readingMinutes(0)).toBe(1)
    expect(readingMinutes(199)).toBe(1)
    expect(readingMinutes(1000)).toBe(5)
  })
})

describe('slugs and tags', () => {
  it('make URL-safe slugs from any title', () => {
    expect(slugify('Dr Rahman’s advice: iron & B12!')).toBe('dr-rahman-s-advice-iron-b12')
    expect(slugify('Café crème')).toBe('cafe-creme')
    expect(slugify('???')).toBe('')
    fc.assert(fc.property(fc.string(), (s) => /^([a-z0-9]+(-[a-z0-9]+)*)?$/.test(slugify(s))))
  })

  it('normalise tags and drop duplicates', () => {
    expect(normalizeTags([' Iron ', 'iron', 'My  Notes', ''])).toEqual(['iron', 'my notes'])
  })
})

describe('reading position', () => {
  it('turns scroll offsets into a fraction and back', () => {
    expect(scrollFraction(100, 100, 3000, 800)).toBe(0)
    expect(scrollFraction(1200, 100, 3000, 800)).toBe(0.5)
    expect(scrollFraction(9999, 100, 3000, 800)).toBe(1)
    expect(scrollFraction(0, 100, 500, 800)).toBe(1)
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 0, max: 500 }),
        fc.integer({ min: 900, max: 50_000 }),
        (f, top, height) => {
          const y = scrollTopFor(f, top, height, 800)
          // Offsets are whole pixels: the way back is exact to within half a pixel of the article's travel.
          return Math.abs(scrollFraction(y, top, height, 800) - f) <= 0.5 / (height - 800) + 1e-12
        }
      )
    )
  })

  it('is described plainly on a card', () => {
    expect(progressLabel({ furthest: 0, read: false })).toBe('Unread')
    expect(progressLabel({ furthest: 0.42, read: false })).toBe('42% read')
    expect(progressLabel({ furthest: 0.5, read: true })).toBe('Read')
  })
})

describe('related articles', () => {
  it('share the most tags first and never include the article itself', () => {
    const target = { slug: 'a', title: 'A', tags: ['iron', 'food'] }
    const others = [
      { slug: 'a', title: 'A', tags: ['iron', 'food'] },
      { slug: 'b', title: 'B', tags: ['iron'] },
      { slug: 'c', title: 'C', tags: ['iron', 'food'] },
      { slug: 'd', title: 'D', tags: ['sleep'] }
    ]
    expect(relatedByTags(target, others).map((x) => x.slug)).toEqual(['c', 'b'])
  })
})

describe('nextRead', () => {
  const article = (
    slug: string,
    progress: Partial<{ position: number; furthest: number; read: boolean; updatedAt: string | null }> = {},
    origin: 'bundled' | 'imported' = 'bundled'
  ) => ({
    slug,
    origin,
    progress: { position: 0, furthest: 0, read: false, updatedAt: null, ...progress }
  })

  it('goes on with the article left part-way most recently', () => {
    const older = article('a', { position: 0.5, furthest: 0.5, updatedAt: '2026-03-01T10:00:00.000Z' })
    const newer = article('b', { position: 0.2, furthest: 0.6, updatedAt: '2026-03-02T10:00:00.000Z' })
    expect(nextRead([older, newer, article(FIRST_READ)])).toEqual({ article: newer, kind: 'continue' })
  })

  it('does not offer to go on with one barely opened, nearly finished or read', () => {
    const opened = article('opened', { position: 0.01, furthest: 0.01, updatedAt: '2026-03-01T10:00:00.000Z' })
    const nearlyDone = article('done', { position: 0.96, furthest: 0.96, updatedAt: '2026-03-01T10:00:00.000Z' })
    const read = article('read', { position: 0.5, furthest: 1, read: true, updatedAt: '2026-03-01T10:00:00.000Z' })
    expect(nextRead([opened, nearlyDone, read])).toEqual({ article: opened, kind: 'start' })
  })

  it('starts with the first article while it is unread, else the first unread one that comes with Stillwell', () => {
    const own = article('your-notes', {}, 'imported')
    expect(nextRead([own, article('iron'), article(FIRST_READ)])?.article.slug).toBe(FIRST_READ)
    expect(nextRead([own, article('iron'), article(FIRST_READ, { read: true, furthest: 1 })])?.article.slug).toBe('iron')
    expect(nextRead([own])).toBeUndefined()
  })
})
