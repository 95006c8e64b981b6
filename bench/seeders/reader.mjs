// Ten years of reading: the user's own documents (notes from appointments,
// imported now and then), progress through every article, and bookmarks.
// Everything goes through the bridge, as the app would write it.

const WORDS = [
  'iron',
  'ferritin',
  'magnesium',
  'sleep',
  'legs',
  'evening',
  'doctor',
  'dose',
  'tablet',
  'walk',
  'stretch',
  'bath',
  'caffeine',
  'alcohol',
  'symptoms',
  'night',
  'restless',
  'urge',
  'review',
  'blood',
  'test',
  'weeks',
  'plan',
  'pharmacist',
  'gabapentin',
  'pregabalin',
  'journal',
  'report',
  'bedtime',
  'routine',
  'calm',
  'better',
  'worse',
  'started',
  'stopped',
  'morning',
  'appointment',
  'results',
  'spinach',
  'lentils',
  'pumpkin',
  'seeds',
  'oats',
  'cramps',
  'kidney',
  'vitamin',
  'transferrin',
  'saturation',
  'every',
  'other',
  'day',
  'with',
  'after',
  'before',
  'the',
  'and',
  'a',
  'to',
  'of',
  'in'
]
const KINDS = ['Visit notes', 'Questions for Dr Rahman', 'Sleep clinic letter', 'Pharmacy advice', 'Blood test results', 'Travel plan']

function sentence(random) {
  const length = random.int(6, 18)
  const words = Array.from({ length }, () => random.pick(WORDS))
  words[0] = words[0][0].toUpperCase() + words[0].slice(1)
  return `${words.join(' ')}.`
}

function documentText(random, title, words) {
  const lines = ['---', `title: "${title}"`, `tags: [${random.pick(['doctor', 'iron', 'sleep'])}, mine]`, '---', '']
  let count = 0
  let section = 1
  while (count < words) {
    if (count === 0 || random.chance(0.15)) lines.push(`## Section ${section++}`, '')
    const paragraph = Array.from({ length: random.int(2, 6) }, () => sentence(random)).join(' ')
    count += paragraph.split(' ').length
    lines.push(paragraph, '')
    if (random.chance(0.2)) lines.push(`- ${sentence(random)}`, `- ${sentence(random)}`, '')
  }
  return lines.join('\n')
}

/** The same rule the app uses for heading ids (sec- and a slug of the heading). */
function headingIds(markdown) {
  return [...markdown.matchAll(/^## (.+)$/gm)].map(
    (m) =>
      `sec-${m[1]
        .normalize('NFKD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '')}`
  )
}

export const reader = {
  name: 'reader',
  async seed(ctx) {
    // About one document every five months over the span.
    const documents = Math.round((ctx.days.length / 365) * 2.4)
    for (let i = 0; i < documents; i++) {
      const day = ctx.days[Math.floor((i / documents) * ctx.days.length)]
      const title = `${ctx.random.pick(KINDS)}, ${day}`
      const text = documentText(ctx.random, title, ctx.random.int(300, 2500))
      await ctx.invoke('articles.import', { fileName: `notes-${day}.md`, contentBase64: Buffer.from(text).toString('base64') })
    }

    const { articles } = await ctx.invoke('articles.list')
    for (const article of articles) {
      if (ctx.random.chance(0.2)) continue // never opened
      const read = ctx.random.chance(0.5)
      await ctx.invoke('articles.savePosition', { slug: article.slug, fraction: read ? 1 : ctx.random.next(), anchor: null })
      if (!ctx.random.chance(0.4)) continue
      const detail = await ctx.invoke('articles.get', { slug: article.slug })
      for (const anchor of headingIds(detail.body)) {
        if (!ctx.random.chance(0.3)) continue
        await ctx.invoke('articles.addBookmark', {
          slug: article.slug,
          anchor,
          label: anchor.slice(4).replace(/-/g, ' '),
          fraction: ctx.random.next()
        })
      }
    }
    await ctx.invoke('articles.setPreferences', { fontScale: 115 })
  }
}
