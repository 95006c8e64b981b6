import fc from 'fast-check'
import { afterEach, describe, expect, it } from 'vitest'
import { renderArticle, renderMarkdownHtml, sanitizeArticleHtml } from '../../src/renderer/src/features/reader/render'
import { HEADING_ID_PATTERN, isSafeExternalUrl, parseInternalLink } from '../../src/shared/domain/articles'

const FORBIDDEN_TAGS = [
  'script',
  'style',
  'iframe',
  'frame',
  'object',
  'embed',
  'form',
  'input',
  'button',
  'textarea',
  'select',
  'svg',
  'math',
  'img',
  'picture',
  'source',
  'video',
  'audio',
  'link',
  'meta',
  'base',
  'template',
  'details',
  'marquee',
  'noscript',
  'h1'
]
const ALLOWED_CLASSES = new Set(['align-left', 'align-center', 'align-right', 'image-omitted', 'table-scroll', 'doctor-note'])

/** Everything that must hold for any sanitized output, whatever went in. */
function expectSafe(root: ParentNode, label: string): void {
  for (const tag of FORBIDDEN_TAGS) expect(root.querySelector(tag), `${label}: <${tag}> survived`).toBeNull()
  for (const el of root.querySelectorAll('*')) {
    for (const attr of el.getAttributeNames()) {
      expect(attr.startsWith('on'), `${label}: event handler ${attr}`).toBe(false)
      expect(
        ['style', 'src', 'srcset', 'action', 'formaction', 'xlink:href', 'target', 'background', 'poster'],
        `${label}: ${attr}`
      ).not.toContain(attr)
    }
    const href = el.getAttribute('href')
    if (href !== null) {
      const ok =
        (href.startsWith('#') && HEADING_ID_PATTERN.test(href.slice(1))) || parseInternalLink(href) !== null || isSafeExternalUrl(href)
      expect(ok, `${label}: href ${href}`).toBe(true)
    }
    if (el.id) expect(el.id, `${label}: id`).toMatch(HEADING_ID_PATTERN)
    for (const cls of el.classList) expect(ALLOWED_CLASSES.has(cls), `${label}: class ${cls}`).toBe(true)
  }
}

function fromMarkdown(markdown: string): HTMLElement {
  const container = document.createElement('div')
  container.appendChild(renderArticle(markdown).fragment)
  return container
}

function fromHtml(html: string): HTMLElement {
  const container = document.createElement('div')
  container.appendChild(sanitizeArticleHtml(html))
  return container
}

const probe = window as unknown as { __pwned?: unknown }
afterEach(() => {
  expect(probe.__pwned).toBeUndefined()
  document.body.replaceChildren()
})

describe('Markdown with hostile content', () => {
  const corpus: [string, string][] = [
    ['raw script', 'Hello <script>window.__pwned = 1</script> there'],
    ['script block', '<script>\nwindow.__pwned = 1\n</script>'],
    ['image with onerror', '<img src=x onerror="window.__pwned = 1">'],
    ['svg onload', '<svg onload="window.__pwned = 1"><circle r="4"/></svg>'],
    ['math link', '<math><mi xlink:href="javascript:window.__pwned=1">x</mi></math>'],
    ['iframe', '<iframe src="https://example.com"></iframe>'],
    ['javascript link', '[click me](javascript:window.__pwned=1)'],
    ['mixed-case scheme', '[click](JaVaScRiPt:window.__pwned=1)'],
    ['entity-encoded scheme', '[click](&#106;avascript:window.__pwned=1)'],
    ['tab in scheme', '[click](java\tscript:window.__pwned=1)'],
    ['vbscript link', '[click](vbscript:msgbox(1))'],
    ['data link', '[click](data:text/html;base64,PHNjcmlwdD53aW5kb3cuX19wd25lZD0xPC9zY3JpcHQ+)'],
    ['file link', '[passwords](file:///etc/passwd)'],
    ['reference-style javascript', '[click][evil]\n\n[evil]: javascript:window.__pwned=1'],
    ['autolink javascript', '<javascript:window.__pwned=1>'],
    ['link title breaking out', '[x](https://example.com "a\\" onmouseover=\\"window.__pwned=1")'],
    ['remote image', '![tracking pixel](https://tracker.example/p.png)'],
    ['image with data URL', '![x](data:image/png;base64,iVBORw0KGgo=)'],
    ['heading with markup', '## <img src=x onerror=window.__pwned=1> Dosage'],
    ['template syntax', '{{ constructor.constructor("window.__pwned=1")() }}'],
    ['unknown app link', '[admin](stillwell:/admin) and [up](stillwell:/reader/../../etc)'],
    ['protocol-relative link', '[x](//evil.example/a)'],
    ['plain http link', '[x](http://example.com)'],
    ['table with alignment', '| a | b |\n|--:|:-:|\n| 1 | 2 |'],
    ['html comment', '<!-- <script>window.__pwned=1</script> -->'],
    ['style tag', '<style>body { background: url(https://tracker.example/bg) }</style>'],
    ['form', '<form action="https://evil.example"><input name=x><button formaction="javascript:1">Go</button></form>']
  ]

  it.each(corpus)('%s: nothing dangerous reaches the page', (label, markdown) => {
    const container = fromMarkdown(markdown)
    document.body.appendChild(container)
    expectSafe(container, label)
  })

  it('shows raw HTML as text instead of running or hiding it', () => {
    const container = fromMarkdown('Before <script>window.__pwned = 1</script> after')
    expect(container.textContent).toContain('<script>window.__pwned = 1</script>')
  })

  it('keeps a remote image’s alt text but never loads it', () => {
    const container = fromMarkdown('![Dosage chart](https://tracker.example/chart.png)')
    expect(container.querySelector('img')).toBeNull()
    expect(container.textContent).toContain('[Image not shown: Dosage chart]')
    expect(container.innerHTML).not.toContain('tracker.example')
  })

  it('leaves a dangerous link as plain text with no address', () => {
    const container = fromMarkdown('[click me](javascript:window.__pwned=1) and [http](http://example.com)')
    expect(container.querySelectorAll('a[href]')).toHaveLength(0)
    expect(container.textContent).toContain('click me')
    expect(container.textContent).toContain('http')
  })

  it('keeps the links articles need: https (opened outside, after asking), app links and in-page links', () => {
    const container = fromMarkdown(
      '## Dosage\n\n[AASM](https://aasm.org/) · [iron](stillwell:/reader/iron-and-rls) · [foods](stillwell:/planner?foods=12014,16070) · [up](#dosage)'
    )
    const hrefs = [...container.querySelectorAll('a')].map((a) => a.getAttribute('href'))
    expect(hrefs).toEqual(['https://aasm.org/', 'stillwell:/reader/iron-and-rls', 'stillwell:/planner?foods=12014,16070', '#sec-dosage'])
    expect(container.querySelector('a[href^="https:"]')?.getAttribute('rel')).toBe('noopener noreferrer')
  })

  it('aligns table cells with classes, not style attributes', () => {
    const container = fromMarkdown('| a | b |\n|--:|:-:|\n| 1 | 2 |')
    expect(container.querySelector('td')?.className).toBe('align-right')
    expect(container.querySelector('[style]')).toBeNull()
    expect(container.querySelector('.table-scroll > table')).not.toBeNull()
  })
})

describe('hostile HTML given straight to the sanitizer', () => {
  const corpus: [string, string][] = [
    ['script', '<p>x</p><script>window.__pwned = 1</script>'],
    ['img onerror', '<img src=x onerror="window.__pwned = 1">'],
    ['javascript href', '<a href="javascript:window.__pwned=1">x</a>'],
    ['spaced javascript href', '<a href="  javascript:window.__pwned=1">x</a>'],
    ['encoded tab href', '<a href="jav&#x09;ascript:window.__pwned=1">x</a>'],
    ['data href', '<a href="data:text/html,<script>window.__pwned=1</script>">x</a>'],
    ['svg script', '<svg><script>window.__pwned = 1</script></svg>'],
    ['svg animate', '<svg><a><animate attributeName="href" values="javascript:window.__pwned=1"/><text y="20">x</text></a></svg>'],
    ['svg foreignObject', '<svg><foreignObject><iframe src="javascript:window.__pwned=1"></iframe></foreignObject></svg>'],
    [
      'mathml mutation',
      '<math><mtext><table><mglyph><style><img src=x onerror="window.__pwned=1"></style></mglyph></table></mtext></math>'
    ],
    ['noscript mutation', '<noscript><p title="</noscript><img src=x onerror=window.__pwned=1>"></noscript>'],
    ['iframe srcdoc', '<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>'],
    ['object', '<object data="https://evil.example/x.swf"></object>'],
    ['embed', '<embed src="https://evil.example/x">'],
    ['form', '<form action="https://evil.example"><input autofocus onfocus="window.__pwned=1"><button>go</button></form>'],
    ['style attribute', '<p style="background:url(https://tracker.example/bg)">x</p>'],
    ['style import', '<style>@import url(https://tracker.example/a.css)</style><p>x</p>'],
    ['link stylesheet', '<link rel="stylesheet" href="https://tracker.example/a.css">'],
    ['meta refresh', '<meta http-equiv="refresh" content="0;url=https://evil.example">'],
    ['base href', '<base href="https://evil.example/">'],
    ['picture srcset', '<picture><source srcset="https://tracker.example/a.png"><img src="https://tracker.example/b.png"></picture>'],
    ['video poster', '<video poster="https://tracker.example/p.png" onplay="window.__pwned=1"></video>'],
    ['details ontoggle', '<details open ontoggle="window.__pwned=1"><summary>x</summary></details>'],
    ['template', '<template><script>window.__pwned=1</script></template>'],
    ['dom clobbering ids', '<a id="main">x</a><form id="app"></form><h2 id="sec-fine">ok</h2>'],
    ['clobbering name', '<img name="getElementById"><a name="cookie">x</a>'],
    ['target blank', '<a href="https://example.com" target="_blank" onmouseover="window.__pwned=1">x</a>'],
    ['class injection', '<h2 class="align-right visually-hidden skip-link">x</h2>'],
    ['unknown stillwell link', '<a href="stillwell:/reader/../admin">x</a>'],
    ['https with credentials', '<a href="https://user:pw@evil.example">x</a>'],
    ['marquee', '<marquee onstart="window.__pwned=1">x</marquee>']
  ]

  it.each(corpus)('%s', (label, html) => {
    const container = fromHtml(html)
    document.body.appendChild(container)
    expectSafe(container, label)
  })

  it('keeps ordinary formatting intact', () => {
    const container = fromHtml('<h2 id="sec-a">A</h2><p><strong>bold</strong> <em>em</em> <code>x</code></p><ul><li>one</li></ul>')
    expect(container.innerHTML).toBe('<h2 id="sec-a">A</h2><p><strong>bold</strong> <em>em</em> <code>x</code></p><ul><li>one</li></ul>')
  })
})

describe('any mix of hostile fragments', () => {
  const fragments = [
    '<script>window.__pwned=1</script>',
    '<img src=x onerror=window.__pwned=1>',
    '[x](javascript:window.__pwned=1)',
    '![x](https://t.example/p.png)',
    '<svg onload=window.__pwned=1>',
    '<math><mi>x</mi></math>',
    '| a | b |\n|---|---|\n| 1 | 2 |',
    '## Heading',
    '[ok](https://example.com)',
    '[app](stillwell:/journal)',
    '<a href="javascript:1">',
    '"><img src=x onerror=window.__pwned=1>',
    '`code`',
    '> quote',
    '\n\n',
    '<iframe src=//x>',
    '<style>*{}</style>'
  ]

  it('always comes out safe', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...fragments), { maxLength: 12 }), fc.string({ maxLength: 20 }), (parts, noise) => {
        const markdown = parts.join(noise)
        const container = fromMarkdown(markdown)
        expectSafe(container, JSON.stringify(markdown))
        // The raw HTML path, too: markdown-it's output for it is sanitized again.
        expectSafe(fromHtml(renderMarkdownHtml(markdown).html + parts.join('')), 'html')
      }),
      { numRuns: 120 }
    )
    // Each run renders and sanitizes twice; give a busy, shared machine room.
  }, 30_000)
})

describe('the table of contents', () => {
  it('lists level 2 and 3 headings with unique, prefixed ids, one level lower when a document uses "# "', () => {
    const { toc, fragment } = renderArticle('# Title in the text\n\n## Dosage\n\ntext\n\n## Dosage\n\n### Details\n\n#### Deep')
    expect(toc).toEqual([
      { id: 'sec-title-in-the-text', text: 'Title in the text', level: 2 },
      { id: 'sec-dosage', text: 'Dosage', level: 3 },
      { id: 'sec-dosage-2', text: 'Dosage', level: 3 }
    ])
    expect(fragment.querySelector('h1')).toBeNull()
    expect(fragment.querySelector('h4#sec-details')).not.toBeNull()
  })

  it('puts a closing "Talk to your doctor" section in a box of its own, as written', () => {
    const { fragment } = renderArticle('## Before\n\nText.\n\n## Talk to your doctor\n\nAsk about iron.\n\nAnd more.')
    const note = fragment.querySelector('section.doctor-note')
    expect(note?.querySelector('h2')?.textContent).toBe('Talk to your doctor')
    expect(note?.querySelectorAll('p')).toHaveLength(2)
    expect(note?.getAttribute('aria-labelledby')).toBe('sec-talk-to-your-doctor')
  })
})
