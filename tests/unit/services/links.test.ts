import { afterEach, describe, expect, it } from 'vitest'
import { openDatabase, type OpenedDatabase } from '../../../src/main/db/connection'
import { handle } from '../../../src/main/ipc/handle'
import { createHandlers } from '../../../src/main/ipc/handlers'
import { createServices } from '../../../src/main/services'
import { testFoodCatalogue } from '../../support/food-catalogue'
import { makeTempDir } from '../../support/temp-dir'
import { join } from 'node:path'

let opened: OpenedDatabase | undefined
let cleanup: (() => void) | undefined
afterEach(() => {
  opened?.db.close()
  cleanup?.()
})

function appWithLinks(opens: string[]) {
  const temp = makeTempDir()
  cleanup = temp.cleanup
  opened = openDatabase({ dataDir: temp.dir })
  const services = createServices({
    db: opened.db,
    resourcesDir: join(__dirname, '..', '..', '..', 'resources'),
    foodCatalogueFile: testFoodCatalogue(),
    externalLinks: {
      open: (url) => {
        opens.push(url)
        return Promise.resolve(true)
      }
    },
    app: {
      name: 'Stillwell',
      version: '0',
      shell: 'web',
      dataDir: temp.dir,
      databasePath: opened.path,
      schemaVersion: opened.schemaVersion
    },
    notices: []
  })
  const handlers = createHandlers(services)
  return (url: string) => handle(handlers, 'app.openExternal', { url })
}

describe('app.openExternal', () => {
  it('hands an https link to the system browser', async () => {
    const opens: string[] = []
    const open = appWithLinks(opens)
    expect(await open('https://aasm.org/')).toEqual({ ok: true, value: { opened: true } })
    expect(opens).toEqual(['https://aasm.org/'])
  })

  it('refuses anything else before it reaches the browser', async () => {
    const opens: string[] = []
    const open = appWithLinks(opens)
    for (const url of [
      'http://aasm.org/',
      'javascript:alert(1)',
      'file:///etc/passwd',
      'data:text/html,x',
      'https://a:b@evil.example/',
      'stillwell:/journal',
      // The URL parser would forgive these (and open somewhere else than the text says): refused as written.
      '\u0000https://example.com/',
      'https://example.com/\u001f',
      'ht\ttps://example.com/',
      'https://exa\nmple.com/',
      'https:\\\\evil.example\\path',
      ' https://example.com/',
      'HTTPS://EXAMPLE.COM/'
    ]) {
      const result = await open(url)
      expect(!result.ok && result.error.code, url).toBe('invalid-input')
    }
    expect(opens).toEqual([])
  })
})
