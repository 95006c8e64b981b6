import Papa from 'papaparse'
import { readdirSync, readFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ArticleFormatError, loadBundledArticles, parseBundledArticle } from '../../../src/main/services/article-source'
import { parseInternalLink } from '../../../src/shared/domain/articles'
import { createMarkdown } from '../../../src/shared/domain/markdown'
import { ironTargetMg, magnesiumTargetMg, type AgeBand, type NutrientProfile } from '../../../src/shared/domain/nutrients'

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
  // The full citation, the same in every article: volume, pages and DOI.
  aasm: /^Winkelman JW, Berkowski JA, DelRosso LM, et al\. Treatment of restless legs syndrome and periodic limb movement disorder: an American Academy of Sleep Medicine clinical practice guideline\. J Clin Sleep Med 2025;21\(1\):137–152\. doi:10\.5664\/jcsm\.11390$/,
  odsMagnesium: /^National Institutes of Health, Office of Dietary Supplements\. Magnesium: Fact Sheet/,
  odsIron: /^National Institutes of Health, Office of Dietary Supplements\. Iron: Fact Sheet/,
  marshall: /^Marshall NS, .*systematic review\. Sleep Medicine Reviews, 2019/,
  usda: /^U\.S\. Department of Agriculture, Agricultural Research Service\. USDA National Nutrient Database for Standard Reference/,
  // Sources added where a clinical review asked for a specific fact to be backed.
  kolla: /^Kolla BP, Mansukhani MP, Bostwick JM\. The influence of antidepressants on restless legs syndrome and periodic limb movements: a systematic review\. Sleep Medicine Reviews, 2018;38:131–140\.$/,
  pregnancy: /^Picchietti DL, Hensley JG, Bainbridge JL, et al\. Consensus clinical practice guidelines for the diagnosis and treatment of restless legs syndrome\/Willis-Ekbom disease during pregnancy and lactation\. Sleep Medicine Reviews, 2015;22:64–77\.$/,
  paediatric: /^Picchietti DL, Bruni O, de Weerd A, et al\. Pediatric restless legs syndrome diagnostic criteria: an update by the International Restless Legs Syndrome Study Group\. Sleep Medicine, 2013;14\(12\):1253–1259\.$/,
  gabapentinLabel: /^U\.S\. Food and Drug Administration\. Neurontin \(gabapentin\) prescribing information, section 7: Drug Interactions\.$/,
  odsVitaminA: /^National Institutes of Health, Office of Dietary Supplements\. Vitamin A and Carotenoids: Fact Sheet for Health Professionals\.$/,
  nhlbiVte: /^National Heart, Lung, and Blood Institute\. Venous Thromboembolism: Symptoms\.$/,
  niddkKidney: /^National Institute of Diabetes and Digestive and Kidney Diseases\. Eating Right for Chronic Kidney Disease\.$/,
  yagi: /^Yagi T, Naito T, Mino Y, et al\. Impact of concomitant antacid administration on gabapentin plasma exposure and oral bioavailability in healthy adult subjects\. Drug Metabolism and Pharmacokinetics, 2012;27\(2\):248–254\.$/,
  // The augmentation criteria the app's augmentation watch follows (src/shared/domain/augmentation.ts).
  mpi: /^García-Borreguero D, .*augmentation.*Max Planck Institute\. Sleep Medicine, 2007/,
} as const

/** How the text cites each source in passing; a citation needs its full reference at the end. */
const CITATIONS: [RegExp, keyof typeof SOURCES][] = [
  [/IRLSSG criteria, 2014/, 'irlssg'],
  [/AASM guideline, 2024/, 'aasm'],
  [/NIH ODS magnesium/, 'odsMagnesium'],
  [/NIH ODS iron|NIH ODS magnesium and iron/, 'odsIron'],
  [/Marshall et al\., 2019/, 'marshall'],
  [/USDA food database|SR28/, 'usda'],
  [/Kolla et al\., 2018/, 'kolla'],
  [/IRLSSG pregnancy guidelines, 2015/, 'pregnancy'],
  [/IRLSSG paediatric criteria, 2013/, 'paediatric'],
  [/gabapentin label/, 'gabapentinLabel'],
  [/NIH ODS vitamin A/, 'odsVitaminA'],
  [/\(NHLBI\)/, 'nhlbiVte'],
  [/\(NIDDK\)/, 'niddkKidney'],
  [/Yagi et al\., 2012/, 'yagi'],
  [/MPI criteria, 2007/, 'mpi']
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
      'using-the-journal',
      'rls-in-children-and-teenagers'
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

    it('quotes the daily targets exactly as the app uses them, teenage rows included', () => {
      // Magnesium tables: "| Group | 14–18 years | 19–30 years | 31 and over |"; iron tables: "| Group | Iron per day |".
      const bands: Record<string, AgeBand[]> = { '14–18 years': ['14-18'], '19–30 years': ['19-30'], '31 and over': ['31-50', '51-70', '71+'] }
      const magnesiumRows: Record<string, Omit<NutrientProfile, 'ageBand'>> = {
        'Men and boys': { sex: 'male', lifeStage: 'none' },
        'Women and girls': { sex: 'female', lifeStage: 'none' },
        Pregnancy: { sex: 'female', lifeStage: 'pregnant' }
      }
      const ironRows: Record<string, NutrientProfile[]> = {
        'Boys, 14–18': [{ ageBand: '14-18', sex: 'male', lifeStage: 'none' }],
        'Girls, 14–18': [{ ageBand: '14-18', sex: 'female', lifeStage: 'none' }],
        'Men, 19 and over': (['19-30', '31-50', '51-70', '71+'] as const).map((ageBand) => ({ ageBand, sex: 'male', lifeStage: 'none' })),
        'Women, 19–50': (['19-30', '31-50'] as const).map((ageBand) => ({ ageBand, sex: 'female', lifeStage: 'none' })),
        'Women, 51 and over': (['51-70', '71+'] as const).map((ageBand) => ({ ageBand, sex: 'female', lifeStage: 'none' })),
        Pregnancy: (['14-18', '19-30', '31-50'] as const).map((ageBand) => ({ ageBand, sex: 'female', lifeStage: 'pregnant' }))
      }
      let header: string[] = []
      for (const line of article.body.split('\n')) {
        if (!line.startsWith('|')) continue
        const cells = line
          .split('|')
          .slice(1, -1)
          .map((c) => c.trim())
        if (cells[0] === 'Group') {
          header = cells
          if (cells.includes('19–30 years')) expect(cells, 'a magnesium table leaves out teenagers').toContain('14–18 years')
          continue
        }
        const mg = (text: string) => Number(/^(\d+) mg$/.exec(text)?.[1])
        if (header.includes('19–30 years') && magnesiumRows[cells[0]!]) {
          header.forEach((column, i) => {
            for (const ageBand of bands[column] ?? []) {
              if (magnesiumRows[cells[0]!]!.lifeStage === 'pregnant' && !['14-18', '19-30', '31-50'].includes(ageBand)) continue
              expect(mg(cells[i]!), `${cells[0]} ${column}`).toBe(magnesiumTargetMg({ ageBand, ...magnesiumRows[cells[0]!]! }).value)
            }
          })
        }
        if (header[1] === 'Iron per day' && ironRows[cells[0]!]) {
          for (const profile of ironRows[cells[0]!]!) expect(mg(cells[1]!), cells[0]).toBe(ironTargetMg(profile).value)
        }
        if (header[1] === 'Iron per day' && cells[0]?.startsWith('Men, 19')) expect(Object.keys(ironRows)).toContain('Boys, 14–18')
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
    expect(() => parseBundledArticle('x', good.replace('lastReviewed: 2026-12-01', 'lastReviewed: 2026-13-40'))).toThrow(/YYYY-MM-DD/)
    expect(() => parseBundledArticle('x', good.replace(/^---[\s\S]*?---\n/, ''))).toThrow(/front matter .* is missing/)
  })

  it('is refused when the file name is not a slug, or takes the prefix kept for the user’s documents', () => {
    expect(() => parseBundledArticle('Iron And RLS', good)).toThrow(/file name/)
    expect(() => parseBundledArticle('your-iron', good)).toThrow(/file name/)
  })

  it('reads lastReviewed whether YAML gives a date or a quoted string', () => {
    expect(parseBundledArticle('x', good).lastReviewed).toBe('2026-12-01')
    expect(parseBundledArticle('x', good.replace('lastReviewed: 2026-12-01', 'lastReviewed: "2026-12-01"')).lastReviewed).toBe('2026-12-01')
  })
})
