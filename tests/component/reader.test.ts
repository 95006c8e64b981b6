import { flushPromises } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import App from '../../src/renderer/src/App.vue'
import { startTestApp } from '../support/app'
import { mountWithApp, type Mounted } from './mount'

let mounted: Mounted | undefined
// Views load their route code lazily and talk to a real database: slow on a busy machine, not stuck.
vi.setConfig({ testTimeout: 20_000 })

beforeEach(() => {
  // jsdom has no layout: scrolling is a no-op here and checked for real in Playwright.
  Element.prototype.scrollIntoView = vi.fn()
  window.scrollTo = vi.fn() as unknown as typeof window.scrollTo
})
afterEach(() => {
  mounted?.wrapper.unmount()
  mounted?.app.close()
  mounted = undefined
})

function onboardedApp() {
  const app = startTestApp()
  app.services.settings.completeOnboarding({
    profile: { name: 'Jo', ageBand: '31-50', sex: 'female', lifeStage: 'none', bedtime: '22:15' },
    disclaimerAccepted: true
  })
  return app
}

async function settle(): Promise<void> {
  await flushPromises()
  await new Promise((resolve) => setTimeout(resolve, 0))
  await flushPromises()
}

/** Waits for a navigation to finish (route components load lazily). */
async function routeIs(path: string): Promise<void> {
  await vi.waitFor(() => expect(mounted!.router.currentRoute.value.path).toBe(path), { timeout: 5000 })
  await settle()
}

/** jsdom's File has no arrayBuffer(); the browser's does. */
function file(parts: BlobPart[], name: string): File {
  const made = new File(parts, name, { type: 'text/markdown' })
  Object.defineProperty(made, 'arrayBuffer', {
    value: () =>
      new Promise<ArrayBuffer>((resolve) => {
        const reader = new FileReader()
        reader.onload = () => resolve(reader.result as ArrayBuffer)
        reader.readAsArrayBuffer(made)
      })
  })
  return made
}

describe('the library', () => {
  it('shows every article as a card with its reading time and an unread state', async () => {
    mounted = await mountWithApp(App, '/reader', onboardedApp())
    await settle()
    const cards = mounted.wrapper.findAll('[data-testid^="article-card-"]')
    expect(cards).toHaveLength(12)
    const iron = mounted.wrapper.find('[data-testid="article-card-iron-and-rls"]')
    expect(iron.text()).toContain('Iron and RLS')
    expect(iron.text()).toMatch(/\d min read/)
    expect(iron.find('[data-testid="article-status-iron-and-rls"]').text()).toBe('Unread')
  })

  it('finds articles as you type, best match first, with the matches marked', async () => {
    mounted = await mountWithApp(App, '/reader', onboardedApp())
    await settle()
    await mounted.wrapper.find('input[type="search"]').setValue('iro')
    await settle()
    const results = mounted.wrapper.findAll('[data-testid="search-results"] > li')
    expect(results.length).toBeGreaterThan(3)
    expect(results[0]!.find('h3').text()).toBe('Iron and RLS')
    expect(results[0]!.find('h3 mark').text()).toBe('Iron')
    expect(results[0]!.find('p mark').exists()).toBe(true)
    expect(mounted.wrapper.find('#library-results-title').text()).toMatch(/^\d+ articles match “iro”/)
  })

  it('says so plainly when nothing matches', async () => {
    mounted = await mountWithApp(App, '/reader', onboardedApp())
    await settle()
    await mounted.wrapper.find('input[type="search"]').setValue('zzzqq')
    await settle()
    expect(mounted.wrapper.find('#library-results-title').text()).toBe('No articles match “zzzqq”.')
    await mounted.wrapper
      .findAll('button')
      .find((b) => b.text() === 'Clear the search')!
      .trigger('click')
    await settle()
    expect(mounted.wrapper.findAll('[data-testid^="article-card-"]')).toHaveLength(12)
  })

  it('filters by topic', async () => {
    mounted = await mountWithApp(App, '/reader', onboardedApp())
    await settle()
    const pregnancy = mounted.wrapper.findAll('.library__topic').find((l) => l.text() === 'Pregnancy')!
    await pregnancy.find('input').setValue(true)
    await settle()
    expect(mounted.wrapper.findAll('[data-testid^="article-card-"]').map((c) => c.attributes('data-testid'))).toEqual([
      'article-card-rls-in-pregnancy'
    ])
  })

  it('explains a file that cannot be imported next to the button, and adds nothing', async () => {
    mounted = await mountWithApp(App, '/reader', onboardedApp())
    await settle()
    const input = mounted.wrapper.find<HTMLInputElement>('[data-testid="article-import-input"]')
    const latin1 = file([new Uint8Array([0x43, 0x61, 0x66, 0xe9])], 'notes.md')
    Object.defineProperty(input.element, 'files', { value: [latin1], configurable: true })
    await input.trigger('change')
    await settle()
    const error = mounted.wrapper.find('[data-testid="article-import-error"]')
    expect(error.text()).toMatch(/not UTF-8 text/)
    expect(error.attributes('role')).toBe('alert')
    const button = mounted.wrapper.findAll('button').find((b) => b.text().startsWith('Add your own document'))!
    expect(button.attributes('aria-describedby')).toContain(error.attributes('id'))
    expect(mounted.app.services.articles.list().articles).toHaveLength(12)
  })

  it('imports a document and opens it as the user’s own', async () => {
    mounted = await mountWithApp(App, '/reader', onboardedApp())
    await settle()
    const input = mounted.wrapper.find<HTMLInputElement>('[data-testid="article-import-input"]')
    const gp = file(['# From my GP\n\nTake iron every other day.\n'], 'gp.md')
    Object.defineProperty(input.element, 'files', { value: [gp], configurable: true })
    await input.trigger('change')
    await routeIs('/reader/your-from-my-gp')
    expect(mounted.wrapper.find('h1').text()).toBe('From my GP')
    expect(mounted.wrapper.find('.reader-header__eyebrow').text()).toBe('Your document')
    expect(mounted.wrapper.find('[data-testid="article-body"]').text()).toContain('Take iron every other day.')
  })
})

describe('reading an article', () => {
  it('renders the text with a table of contents, references and related reading', async () => {
    mounted = await mountWithApp(App, '/reader/iron-and-rls', onboardedApp())
    await settle()
    expect(mounted.wrapper.find('h1').text()).toBe('Iron and RLS')
    expect(mounted.wrapper.find('[data-testid="reader-meta"]').text()).toMatch(/min read · Last reviewed 1 December 2026/)
    const toc = mounted.wrapper.findAll('.article-toc a')
    expect(toc.length).toBeGreaterThanOrEqual(5)
    expect(toc[0]!.attributes('href')).toMatch(/^#sec-/)
    expect(mounted.wrapper.find('[data-testid="article-body"] table').exists()).toBe(true)
    expect(mounted.wrapper.find('.reader-references').text()).toContain('Winkelman JW')
    expect(mounted.wrapper.find('.doctor-note h2').text()).toBe('Talk to your doctor')
    expect(mounted.wrapper.findAll('.reader-related [data-testid^="article-card-"]').length).toBeGreaterThan(0)
  })

  it('follows the foods link into the planner, filtered to those foods', async () => {
    mounted = await mountWithApp(App, '/reader/magnesium-rich-foods', onboardedApp())
    await settle()
    const link = mounted.wrapper.find('[data-testid="article-body"] a[href^="stillwell:/planner"]')
    await link.trigger('click')
    await routeIs('/planner')
    const route = mounted.router.currentRoute.value
    expect(String(route.query['foods']).split(',')).toContain('12014')
  })

  it('opens the wind-down settings and the journal from their articles', async () => {
    mounted = await mountWithApp(App, '/reader/sleep-hygiene-and-wind-down', onboardedApp())
    await settle()
    await mounted.wrapper.find('[data-testid="article-body"] a[href="stillwell:/settings/wind-down"]').trigger('click')
    await routeIs('/settings/wind-down')
    await mounted.router.push('/reader/using-the-journal')
    await routeIs('/reader/using-the-journal')
    await mounted.wrapper.find('[data-testid="article-body"] a[href="stillwell:/journal"]').trigger('click')
    await routeIs('/journal')
  })

  it('moves within the page from the table of contents without changing the route', async () => {
    mounted = await mountWithApp(App, '/reader/what-is-rls', onboardedApp())
    await settle()
    const before = mounted.router.currentRoute.value.fullPath
    const entry = mounted.wrapper.findAll('.article-toc a').find((a) => a.text() === 'How it is diagnosed')!
    await entry.trigger('click')
    await settle()
    expect(mounted.router.currentRoute.value.fullPath).toBe(before)
    expect(document.activeElement?.id).toBe('sec-how-it-is-diagnosed')
    expect(Element.prototype.scrollIntoView).toHaveBeenCalled()
  })

  it('asks before an https link leaves the app, showing where it goes', async () => {
    const app = onboardedApp()
    app.services.articles.importFile('links.md', Buffer.from('# Links\n\nSee [the AASM](https://aasm.org/patients).').toString('base64'))
    mounted = await mountWithApp(App, '/reader/your-links', app)
    await settle()
    await mounted.wrapper.find('[data-testid="article-body"] a[href^="https:"]').trigger('click')
    await settle()
    const dialog = mounted.wrapper.findAll('dialog').find((d) => d.text().includes('Open this link in your browser?'))!
    expect(dialog.attributes('open')).toBeDefined()
    expect(dialog.find('[data-testid="external-url"]').text()).toBe('https://aasm.org/patients')
    await dialog
      .findAll('button')
      .find((b) => b.text() === 'Cancel')!
      .trigger('click')
    await settle()
    expect(dialog.attributes('open')).toBeUndefined()
    expect(mounted.router.currentRoute.value.path).toBe('/reader/your-links')
  })

  it('keeps the chosen text size, and bookmarks the section being read', async () => {
    mounted = await mountWithApp(App, '/reader/what-is-rls', onboardedApp())
    await settle()
    await mounted.wrapper.find('button[aria-label="Larger text"]').trigger('click')
    await settle()
    expect(mounted.wrapper.find('[data-testid="reading-size"]').text()).toBe('115%')
    expect(mounted.wrapper.find('article.reader-article').attributes('style')).toContain('font-size: 115%')
    expect(mounted.app.services.articles.preferences().fontScale).toBe(115)

    const bookmark = mounted.wrapper.findAll('button').find((b) => b.text().includes('Bookmark this section'))!
    await bookmark.trigger('click')
    await settle()
    const saved = mounted.app.services.articles.bookmarks()
    expect(saved).toEqual([expect.objectContaining({ slug: 'what-is-rls', articleTitle: 'What is restless legs syndrome?' })])
    // Labelled with the section it was made in (jsdom has no layout, so which one is not meaningful here).
    expect(mounted.wrapper.findAll('.article-toc a').map((a) => a.text())).toContain(saved[0]!.label)
    expect(bookmark.attributes('aria-pressed')).toBe('true')
    expect(mounted.wrapper.find('.reader-aside__bookmarks').text()).toContain(saved[0]!.label)
  })

  it('lets the user rename and delete their own document, after confirming', async () => {
    const app = onboardedApp()
    app.services.articles.importFile('n.md', Buffer.from('# Notes\n\nText.').toString('base64'))
    mounted = await mountWithApp(App, '/reader/your-notes', app)
    await settle()
    await mounted.wrapper
      .findAll('button')
      .find((b) => b.text() === 'Edit title and tags')!
      .trigger('click')
    await settle()
    await mounted.wrapper.find('#article-details-name').setValue('')
    await mounted.wrapper.find('form.article-details').trigger('submit')
    await settle()
    expect(mounted.wrapper.find('#article-details-name').attributes('aria-invalid')).toBe('true')
    expect(mounted.wrapper.find('#article-details-name-error').text()).toBe('Give the document a title.')
    await mounted.wrapper.find('#article-details-name').setValue('Visit notes')
    await mounted.wrapper.find('#article-details-tags').setValue('doctor, Iron')
    await mounted.wrapper.find('form.article-details').trigger('submit')
    await settle()
    expect(mounted.wrapper.find('h1').text()).toBe('Visit notes')
    expect(app.services.articles.get('your-notes').tags).toEqual(['doctor', 'iron'])

    await mounted.wrapper
      .findAll('button')
      .find((b) => b.text() === 'Delete document')!
      .trigger('click')
    await settle()
    const dialog = mounted.wrapper.findAll('dialog').find((d) => d.text().includes('Delete this document?'))!
    expect(dialog.text()).toContain('The file on your computer is not touched.')
    await dialog
      .findAll('button')
      .find((b) => b.text() === 'Delete document')!
      .trigger('click')
    await routeIs('/reader')
    expect(mounted.wrapper.find('.library__notice').text()).toBe('“Visit notes” was deleted from your library.')
    expect(app.services.articles.list().articles).toHaveLength(12)
  })

  it('says so when an article no longer exists', async () => {
    mounted = await mountWithApp(App, '/reader/your-gone', onboardedApp())
    await settle()
    expect(mounted.wrapper.find('h1').text()).toBe('This article is not available')
    expect(mounted.wrapper.find('[role="alert"]').text()).toBe('That article is no longer in your library.')
  })
})

describe('the reading tile on Today', () => {
  it('suggests where to start, then shows the article the user is part-way through', async () => {
    const app = onboardedApp()
    mounted = await mountWithApp(App, '/today', app)
    await settle()
    const tile = () => mounted!.wrapper.find('[data-testid="reading-tile"]')
    expect(tile().text()).toContain('Start here')
    expect(tile().find('a').text()).toBe('What is restless legs syndrome?')
    mounted.wrapper.unmount()

    app.services.articles.savePosition('iron-and-rls', 0.4, null)
    mounted = await mountWithApp(App, '/today', app)
    await settle()
    expect(tile().text()).toContain('40%')
    expect(tile().find('a').attributes('href')).toBe('#/reader/iron-and-rls')
  })
})
