import Papa from 'papaparse'
import { readdirSync, readFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ArticleFormatError, loadBundledArticles, parseBundledArticle } from '../../../src/main/services/article-source'
import { parseInternalLink } from '../../../src/shared/domain/articles'
import { createMarkdown } from '../../../src/shared/domain/markdown'

const RESOURCES = join(__dirname, '..', '..', '..', 'resources')
const ARTICLES_DIR = join(RESOURCES, 'articles')
const files = readdirSync(ARTICLES_DIR).filter((f) => f.endsWith('.md'))
const slugs = new Set(files.map((f) => basename(f, '.md')))

interface FoodRow {
  source_id: string
  mg_mg_per_100g: string
  fe_mg_per_100g: string
}
const foods = new Map(
  Papa.parse<FoodRow>(readFileSync(join(RESOURCES, 'food', 'usda-foods-mg-fe.csv'), 'utf8'), {
    header: true,
    skipEmptyLines: true
  }).data.map((row) => [row.source_id, row])
)

/** The sources PRODUCT.md names; every reference must be one of them. */
const SOURCES = {
  irlssg: /^Allen RP, .*International Restless Legs Syndrome Study Group.*Sleep Medicine, 2014/,
  aasm: /^Winkelman JW, .*American Academy of Sleep Medicine clinical practice guideline\. Journal of Clinical Sleep Medicine, 2024/,
  odsMagnesium: /^National Institutes of Health, Office of Dietary Supplements\. Magnesium: Fact Sheet/,
  odsIron: /^National Institutes of Health, Office of Dietary Supplements\. Iron: Fact Sheet/,
  marshall: /^Marshall NS, .*systematic review\. Sleep Medicine Reviews, 2019/,
  // The augmentation criteria the app's augmentation watch follows (src/shared/domain/augmentation.ts).
  mpi: /^García-Borreguero D, .*augmentation.*Max Planck Institute\. Sleep Medicine, 2007/,
  usda: /^U\.S\. Department of Agriculture, Agricultural Research Service\. USDA National Nutrient Database for Standard Reference/
} as const

/** How the text cites each source in passing; a citation needs its full reference at the end. */
const CITATIONS: [RegExp, keyof typeof SOURCES][] = [
  [/IRLSSG criteria, 2014/, 'irlssg'],
  [/AASM guideline, 2024/, 'aasm'],
  [/NIH ODS magnesium/, 'odsMagnesium'],
  [/NIH ODS iron|NIH ODS magnesium and iron/, 'odsIron'],
  [/Marshall et al\., 2019/, 'marshall'],
  [/MPI criteria, 2007/, 'mpi'],
  [/USDA food database|SR28/, 'usda']
]

const TREATMENT_TAGS = ['treatment', 'medication', 'supplements']

function links(body: string): string[] {
  const hrefs: string[] = []
  for (const token of createMarkdown().parse(body, {})) {
    for (const child of token.children ?? []) {
      if (child.type === 'link_open') hrefs.push(child.attrGet('href') ?? '')
    }
  }
  return hrefs
}

describe('the bundled articles', () => {
  it('are at least ten, covering every topic the product promises', () => {
    expect(files.length).toBeGreaterThanOrEqual(10)
    for (const topic of [
      'what-is-rls',
      'magnesium-and-rls',
      'iron-and-rls',
      'magnesium-rich-foods',
      'magnesium-supplements',
      'sleep-hygiene-and-wind-down',
      'things-that-make-rls-worse',
      'treatments-a-doctor-may-discuss',
      'when-to-see-a-doctor',
      'using-the-journal'
    ]) {
      expect(slugs, topic).toContain(topic)
    }
  })

  it('all load without a single problem', () => {
    const { articles, problems } = loadBundledArticles(ARTICLES_DIR)
    expect(problems).toEqual([])
    expect(articles).toHaveLength(files.length)
  })

  describe.each(files)('%s', (file) => {
    const slug = basename(file, '.md')
    const raw = readFileSync(join(ARTICLES_DIR, file), 'utf8')
    const article = parseBundledArticle(slug, raw)

    it('has complete front matter and a computed reading time', () => {
      expect(article.title.length).toBeGreaterThan(5)
      expect(article.summary.length).toBeGreaterThan(20)
      expect(article.tags.length).toBeGreaterThan(0)
      expect(article.lastReviewed).toMatch(/^\d{4}-\d{2}-\d{2}$/)
      expect(article.wordCount).toBeGreaterThan(300)
      expect(article.readingMinutes).toBe(Math.max(1, Math.round(article.wordCount / 200)))
    })

    it('ends with references that name the product’s sources, and cites only sources it lists', () => {
      expect(article.references.length).toBeGreaterThanOrEqual(1)
      const named = new Set<string>()
      for (const reference of article.references) {
        const source = Object.entries(SOURCES).find(([, pattern]) => pattern.test(reference))
        expect(source, `unknown reference: ${reference}`).toBeDefined()
        named.add(source![0])
      }
      for (const [citation, source] of CITATIONS) {
        if (citation.test(article.body)) expect(named, `"${citation.source}" is cited but ${source} is not referenced`).toContain(source)
      }
    })

    it('has no broken internal links', () => {
      for (const href of links(article.body)) {
        const link = parseInternalLink(href)
        expect(link, `not a link the app can follow: ${href}`).not.toBeNull()
        if (link?.kind === 'article') expect(slugs, href).toContain(link.slug)
        if (link?.kind === 'planner') {
          expect(link.foods.length).toBeGreaterThan(0)
          for (const id of link.foods) expect(foods.has(id), `food ${id} in ${href}`).toBe(true)
        }
        if (link?.kind === 'settings') expect(['wind-down', 'profile', 'appearance', 'data', 'about']).toContain(link.section)
      }
    })

    it('quotes food figures exactly as the USDA data has them', () => {
      // Table rows with an NDB number: the per-100 g column must equal the CSV value.
      const lines = article.body.split('\n')
      let header: string[] = []
      for (const line of lines) {
        if (!line.startsWith('|')) continue
        const cells = line
          .split('|')
          .slice(1, -1)
          .map((c) => c.trim())
        if (cells.includes('NDB')) header = cells
        const ndb = cells[header.indexOf('NDB')]
        if (!ndb || !/^\d{5}$/.test(ndb)) continue
        const food = foods.get(ndb)
        expect(food, `NDB ${ndb}`).toBeDefined()
        const mgColumn = header.findIndex((h) => /^Mg per 100 g/.test(h))
        const feColumn = header.findIndex((h) => /^Iron per 100 g/.test(h))
        if (mgColumn >= 0) expect(Number(cells[mgColumn]), `Mg of ${ndb}`).toBe(Number(food!.mg_mg_per_100g))
        if (feColumn >= 0) expect(Number(cells[feColumn]), `Fe of ${ndb}`).toBe(Number(food!.fe_mg_per_100g))
      }
    })

    if (article.tags.some((t) => TREATMENT_TAGS.includes(t))) {
      it('touches treatment, so its last section is a short note to talk to a doctor', () => {
        const headings = [...article.body.matchAll(/^## (.+)$/gm)].map((m) => m[1])
        expect(headings.at(-1)).toBe('Talk to your doctor')
      })
    }
  })

  it('the magnesium-foods article opens its foods in the planner, the wind-down article the routine settings, the journal article the journal', () => {
    const linkKinds = (slug: string): string[] =>
      links(readFileSync(join(ARTICLES_DIR, `${slug}.md`), 'utf8'))
        .map(parseInternalLink)
        .map((l) => (l ? `${l.kind}${l.kind === 'settings' ? `:${l.section}` : ''}` : 'broken'))
    expect(linkKinds('magnesium-rich-foods')).toContain('planner')
    expect(linkKinds('sleep-hygiene-and-wind-down')).toContain('settings:wind-down')
    expect(linkKinds('using-the-journal')).toContain('journal')
  })
})

describe('a bundled article with broken front matter', () => {
  const good = readFileSync(join(ARTICLES_DIR, 'iron-and-rls.md'), 'utf8')

  it('is refused with the file name and the problem', () => {
    const broken = good.replace('title: "Iron and RLS"', 'title: "Iron and RLS')
    expect(() => parseBundledArticle('iron-and-rls', broken)).toThrow(ArticleFormatError)
    expect(() => parseBundledArticle('iron-and-rls', broken)).toThrow(/iron-and-rls\.md: the front matter is not valid YAML/)
  })

  it('is refused when a field is missing, misspelled or empty', () => {
    expect(() => parseBundledArticle('x', good.replace(/^lastReviewed: .*$/m, ''))).toThrow(/"lastReviewed"/)
    expect(() => parseBundledArticle('x', good.replace('summary:', 'sumary:'))).toThrow(/unexpected field "sumary"/)
    expect(() => parseBundledArticle('x', good.replace(/references:\n( {2}- .*\n)+/, 'references: []\n'))).toThrow(/at least one reference/)
    expect(() => parseBundledArticle('x', good.replace('lastReviewed: 2026-11-24', 'lastReviewed: 2026-13-40'))).toThrow(/YYYY-MM-DD/)
    expect(() => parseBundledArticle('x', good.replace(/^---[\s\S]*?---\n/, ''))).toThrow(/front matter .* is missing/)
  })

  it('is refused when the file name is not a slug, or takes the prefix kept for the user’s documents', () => {
    expect(() => parseBundledArticle('Iron And RLS', good)).toThrow(/file name/)
    expect(() => parseBundledArticle('your-iron', good)).toThrow(/file name/)
  })

  it('reads lastReviewed whether YAML gives a date or a quoted string', () => {
    expect(parseBundledArticle('x', good).lastReviewed).toBe('2026-11-24')
    expect(parseBundledArticle('x', good.replace('lastReviewed: 2026-11-24', 'lastReviewed: "2026-11-24"')).lastReviewed).toBe('2026-11-24')
  })
})
