import { afterEach, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../../support/app'

let app: TestApp
afterEach(() => app?.close())

const b64 = (content: string | Uint8Array): string => Buffer.from(content).toString('base64')

async function importFile(fileName: string, content: string | Uint8Array) {
  return app.invoke('articles.import', { fileName, contentBase64: b64(content) })
}

function importedCount(): number {
  return app.services.articles.list().articles.filter((a) => a.origin === 'imported').length
}

function expectRefused(result: Awaited<ReturnType<typeof importFile>>, message: RegExp): void {
  expect(result.ok).toBe(false)
  if (!result.ok) {
    expect(result.error.code).toBe('invalid-input')
    const shown = result.error.fields?.['file'] ?? result.error.fields?.['contentBase64'] ?? result.error.message
    expect(shown).toMatch(message)
  }
  expect(importedCount()).toBe(0)
}

describe('importing a Markdown file', () => {
  it('adds the document to the library as the user’s own, searchable at once', async () => {
    app = startTestApp()
    const result = await importFile(
      'doctor-visit.md',
      '---\ntitle: Dr Rahman’s advice\ntags: [iron, "My Notes"]\nsummary: What we agreed on 3 March.\n---\n\nTake the ferrous sulfate **every other day** with orange juice.\n'
    )
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.value).toMatchObject({
      slug: 'your-dr-rahman-s-advice',
      origin: 'imported',
      title: 'Dr Rahman’s advice',
      summary: 'What we agreed on 3 March.',
      tags: ['iron', 'my notes'],
      fileName: 'doctor-visit.md',
      readingMinutes: 1
    })
    expect(app.services.articles.search('orange juice')[0]?.slug).toBe('your-dr-rahman-s-advice')
    expect(app.services.articles.get('your-dr-rahman-s-advice').body).toContain('**every other day**')
  })

  it('takes the title from the first heading (lifting it out of the text), else from the file name', async () => {
    app = startTestApp()
    const fromHeading = await importFile('notes.md', '# Evening plan\n\nStretch the calves.\n\n## Later\n\nRead.\n')
    expect(fromHeading.ok && fromHeading.value.title).toBe('Evening plan')
    const body = app.services.articles.get('your-evening-plan').body
    expect(body.startsWith('Stretch the calves.')).toBe(true)
    expect(body).toContain('## Later')

    const fromName = await importFile('my_sleep-notes.2026.md', 'Just a line of text.')
    expect(fromName.ok && fromName.value.title).toBe('My sleep notes 2026')
    expect(fromName.ok && fromName.value.summary).toBe('Just a line of text.')
  })

  it('gives two documents with the same title their own addresses', async () => {
    app = startTestApp()
    const a = await importFile('a.md', '# Notes\n\nOne.')
    const b = await importFile('b.md', '# Notes\n\nTwo.')
    expect(a.ok && a.value.slug).toBe('your-notes')
    expect(b.ok && b.value.slug).toBe('your-notes-2')
  })

  it('refuses an empty file, or one with only blank lines', async () => {
    app = startTestApp()
    expectRefused(await importFile('empty.md', ''), /empty/)
    expectRefused(await importFile('blank.md', '\n  \n\t\n'), /empty/)
  })

  it('refuses a file over 1 MB, whether the contract or the service catches it', async () => {
    app = startTestApp()
    expectRefused(await importFile('big.md', 'a'.repeat(1024 * 1024 + 1)), /larger than 1 MB/)
    expectRefused(await importFile('huge.md', 'a'.repeat(1024 * 1024 + 5000)), /larger than 1 MB/)
    // Exactly 1 MB is fine.
    const exact = await importFile('exact.md', `# Big\n\n${'word '.repeat((1024 * 1024 - 8) / 5)}`)
    expect(exact.ok).toBe(true)
  })

  it('refuses a file that is not UTF-8 text', async () => {
    app = startTestApp()
    // "Café" in Latin-1: 0xE9 is not valid UTF-8 on its own.
    expectRefused(await importFile('latin1.md', new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x0a])), /not UTF-8 text/)
    // A PNG header: binary.
    expectRefused(await importFile('picture.md', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])), /not UTF-8 text/)
    // Valid UTF-8 but with NUL bytes: not a text document.
    expectRefused(await importFile('zeros.md', new Uint8Array([0x61, 0x00, 0x62])), /not look like a text file/)
  })

  it('refuses a payload that is not base64 at all', async () => {
    app = startTestApp()
    const result = await app.invoke('articles.import', { fileName: 'x.md', contentBase64: '!!!not base64' })
    expectRefused(result, /could not be read/)
  })

  it('accepts a UTF-8 byte-order mark and Windows line ends', async () => {
    app = startTestApp()
    const result = await importFile('windows.md', '\uFEFF---\r\ntitle: From Windows\r\n---\r\n\r\nHello there.\r\n')
    expect(result.ok && result.value.title).toBe('From Windows')
  })

  it('refuses broken front matter with a message that says where the problem is', async () => {
    app = startTestApp()
    expectRefused(await importFile('bad.md', '---\ntitle: "unclosed\ntags: [a\n---\nBody'), /front matter .* could not be read/)
    expectRefused(await importFile('list.md', '---\n- just\n- a list\n---\nBody'), /fields such as "title: …"/)
    expectRefused(await importFile('types.md', '---\ntitle: [1, 2]\n---\nBody'), /front matter .* "title"/)
    expectRefused(await importFile('date.md', '---\nlastReviewed: 2026-02-31\n---\nBody'), /"lastReviewed" must be a date/)
    expectRefused(
      await importFile('many.md', `---\ntags: [${Array.from({ length: 13 }, (_, i) => `t${i}`).join(', ')}]\n---\nBody`),
      /at most 12/
    )
  })

  it('never runs code from JavaScript front matter or YAML tags', async () => {
    app = startTestApp()
    const probe = globalThis as { __stillwellImportRan?: boolean }
    expectRefused(await importFile('js.md', '---js\n{ title: (globalThis.__stillwellImportRan = true, "x") }\n---\nBody'), /front matter/)
    expectRefused(await importFile('js2.md', '---javascript\nglobalThis.__stillwellImportRan = true\n---\nBody'), /front matter/)
    expectRefused(
      await importFile('yaml.md', '---\ntitle: !!js/function "function () { globalThis.__stillwellImportRan = true }"\n---\nBody'),
      /front matter/
    )
    expect(probe.__stillwellImportRan).toBeUndefined()
  })

  it('keeps unknown front-matter fields out of the way and reads comma-separated tags', async () => {
    app = startTestApp()
    const result = await importFile('x.md', '---\nauthor: Me\ntags: Sleep, Iron ,  sleep\n---\nText.')
    expect(result.ok && result.value.tags).toEqual(['sleep', 'iron'])
  })
})

describe('the user’s own documents', () => {
  it('can be renamed and retagged; search follows the new title', async () => {
    app = startTestApp()
    await importFile('n.md', '# Old name\n\nSome text about walking.')
    const updated = await app.invoke('articles.update', {
      slug: 'your-old-name',
      title: '  Walking plan ',
      tags: ['Exercise', 'exercise', 'Evening']
    })
    expect(updated.ok && updated.value).toMatchObject({ title: 'Walking plan', tags: ['exercise', 'evening'], slug: 'your-old-name' })
    expect(
      app.services.articles
        .search('walking plan')[0]
        ?.title.map((s) => s.text)
        .join('')
    ).toBe('Walking plan')
    expect(app.services.articles.search('old name')).toEqual([])
  })

  it('refuse an empty title and too many tags, naming the field', async () => {
    app = startTestApp()
    await importFile('n.md', '# Name\n\nText.')
    const empty = await app.invoke('articles.update', { slug: 'your-name', title: '   ', tags: [] })
    expect(!empty.ok && empty.error.fields?.['title']).toBe('Give the document a title.')
    const many = await app.invoke('articles.update', {
      slug: 'your-name',
      title: 'Name',
      tags: Array.from({ length: 13 }, (_, i) => `t${i}`)
    })
    expect(!many.ok && many.error.fields?.['tags']).toMatch(/at most 12/)
    expect(app.services.articles.get('your-name').title).toBe('Name')
  })

  it('can be deleted, with their progress and bookmarks, and leave search', async () => {
    app = startTestApp()
    await importFile('n.md', '# Gone soon\n\n## Part\n\nUnique zebra word.')
    app.services.articles.savePosition('your-gone-soon', 0.5, null)
    app.services.articles.addBookmark('your-gone-soon', 'sec-part', 'Part', 0.4)
    expect((await app.invoke('articles.delete', { slug: 'your-gone-soon' })).ok).toBe(true)
    expect(app.services.articles.search('zebra')).toEqual([])
    expect(app.services.articles.bookmarks()).toEqual([])
    expect(app.opened.db.prepare('SELECT count(*) FROM article_progress').pluck().get()).toBe(0)
    const again = await app.invoke('articles.delete', { slug: 'your-gone-soon' })
    expect(!again.ok && again.error.code).toBe('not-found')
  })

  it('are the only ones that can be edited or deleted', async () => {
    app = startTestApp()
    const edit = await app.invoke('articles.update', { slug: 'iron-and-rls', title: 'Mine now', tags: [] })
    expect(!edit.ok && edit.error.code).toBe('forbidden')
    const remove = await app.invoke('articles.delete', { slug: 'iron-and-rls' })
    expect(!remove.ok && remove.error.code).toBe('forbidden')
    expect(app.services.articles.get('iron-and-rls').title).toBe('Iron and RLS')
  })
})
