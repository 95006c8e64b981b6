/**
 * Food search: turning what the user typed into an SQLite FTS5 query, and
 * ranking the foods it matched. Pure functions, no I/O; the foods service
 * runs the query and hands the candidates here.
 *
 * How a search works:
 * 1. The text is split into words (letters and digits only, accents removed).
 *    Every word becomes a prefix term ("pumpk" finds "pumpkin"), and all of
 *    them must match, in any order. The FTS index stems English words (porter),
 *    so "seeds" finds "seed" and "berries" finds "berry".
 * 2. SQLite orders the matches by bm25 (text relevance) minus a per-food prior
 *    (common foods up, baby foods and brand names down) and how often the user
 *    has planned the food, and returns the best few dozen.
 * 3. `rankCandidates` re-orders those with word-level evidence SQLite cannot
 *    see cheaply: whole-word hits beat prefix hits, and words near the start of
 *    USDA's description (its main noun: "Nuts, almonds") beat words further on
 *    ("Candies, milk chocolate, with almonds").
 */

/** Words of a query beyond this many are ignored (nobody types more; it bounds the query cost). */
export const MAX_QUERY_TERMS = 6
const MAX_TERM_LENGTH = 40
/** A lone search word this short matches only at the start of a name. */
const SHORT_TERM = 2

/** One letter typed: search offers the foods the user is likely to mean (see the foods service). */
export function isFirstLetter(terms: readonly string[]): boolean {
  return terms.length === 1 && terms[0]!.length === 1
}

/** Lower case, accents removed: "Crème brûlée" → "creme brulee". */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
}

/** The words of a query, folded, in the order typed, without repeats. */
export function searchTerms(query: string): string[] {
  const words = foldText(query)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0)
    .map((word) => word.slice(0, MAX_TERM_LENGTH))
  return [...new Set(words)].slice(0, MAX_QUERY_TERMS)
}

/**
 * The FTS5 MATCH expression for the terms, or null when there is nothing to
 * search for. Each term is quoted (so no user text is read as FTS syntax) and
 * made a prefix. A lone term of one or two letters only matches foods whose
 * name starts with it: "sp" should list spinach and split peas, not every food
 * with an "sp" word somewhere (nearly a quarter of them), and it keeps the
 * first keystrokes fast.
 */
export function matchExpression(terms: readonly string[]): string | null {
  if (terms.length === 0) return null
  if (terms.length === 1 && terms[0]!.length <= SHORT_TERM) return `{name short_name} : ^ "${terms[0]}"*`
  return terms.map((term) => `"${term}"*`).join(' ')
}

/** A five-digit USDA NDB number typed on its own ("12014") is looked up directly. */
export function isNdbNumber(query: string): boolean {
  return /^\s*\d{5}\s*$/.test(query)
}

// ---------------------------------------------------------------------------
// Static prior: how likely a food is to be what someone means, before any query

export interface PriorInput {
  name: string
  foodGroup: string
  source: 'usda' | 'user'
  common: boolean
}

/** Groups whose foods people rarely mean when they type a plain food name. */
const RARE_GROUPS: Record<string, number> = {
  'Baby Foods': -4,
  'Fast Foods': -2,
  'Restaurant Foods': -2,
  'American Indian/Alaska Native Foods': -2,
  'Meals, Entrees, and Side Dishes': -1
}

/**
 * Added to the text score (higher is better). Common foods and the user's own
 * foods rise; brand names (USDA writes them in capitals), salted variants of a
 * food that also exists unsalted, and long, very specific descriptions sink a
 * little, so "Spinach, raw" beats "Spinach, frozen, chopped or leaf, cooked…".
 */
export function searchPrior(food: PriorInput): number {
  let prior = 0
  if (food.common) prior += 6
  if (food.source === 'user') prior += 3
  prior += RARE_GROUPS[food.foodGroup] ?? 0
  if (food.source === 'usda' && /\b[A-Z][A-Z'’&.-]{2,}\b/.test(food.name)) prior -= 2
  if (/\bwith (added )?salt\b/i.test(food.name)) prior -= 0.5
  const segments = food.name.split(',').length
  prior -= Math.max(0, segments - 2) * 0.25
  prior -= Math.max(0, food.name.length - 30) / 100
  return Math.round(prior * 100) / 100
}

/** How much having planned a food before lifts it: a little at once, more with use, capped. */
export function usageBoost(uses: number): number {
  if (!(uses > 0)) return 0
  return 2 + Math.min(uses, 20) / 10
}

// ---------------------------------------------------------------------------
// Word-level re-ranking

export interface SearchCandidate {
  id: string
  name: string
  shortName: string | null
  /** SQLite's ordering value: bm25 minus prior and usage (lower is better). */
  sqlScore: number
}

/** Crude English singular, enough to tell a whole-word hit ("almonds" for "almond") from a prefix hit. */
export function singular(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`
  if (word.length > 3 && /(ches|shes|sses|xes|zes|oes)$/.test(word)) return word.slice(0, -2)
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us')) return word.slice(0, -1)
  return word
}

interface WordInfo {
  word: string
  segment: number
}

function wordsOf(text: string): WordInfo[] {
  const out: WordInfo[] = []
  foldText(text)
    .split(',')
    .forEach((part, segment) => {
      for (const word of part.split(/[^\p{L}\p{N}]+/u)) if (word) out.push({ word: singular(word), segment })
    })
  return out
}

/**
 * Extra score from how the query's words sit in the description:
 * - each term found as a whole word (not just a prefix): +1.5
 * - each term found in the first two comma-separated parts: +1
 * - the first term in the very first part ("Almonds, …" for "almond"): +1
 * A term may also match the short name ("pumpkin seeds"), which counts as the head.
 */
export function wordBoost(terms: readonly string[], name: string, shortName: string | null): number {
  if (terms.length === 0) return 0
  const words = wordsOf(name)
  const short = shortName ? wordsOf(shortName).map((w) => ({ word: w.word, segment: 0 })) : []
  const all = [...short, ...words]
  let boost = 0
  terms.forEach((term, index) => {
    const wanted = singular(term)
    const whole = all.filter((w) => w.word === wanted || w.word === term)
    const prefix = whole.length > 0 ? whole : all.filter((w) => w.word.startsWith(term) || w.word.startsWith(wanted))
    if (prefix.length === 0) return
    if (whole.length > 0) boost += 1.5
    const first = Math.min(...prefix.map((w) => w.segment))
    if (first <= 1) boost += 1
    if (index === 0 && first === 0) boost += 1
  })
  return boost
}

/** Re-orders SQLite's candidates (best first). Stable for equal scores. */
export function rankCandidates<T extends SearchCandidate>(terms: readonly string[], candidates: readonly T[]): T[] {
  return candidates
    .map((candidate, index) => ({ candidate, index, score: -candidate.sqlScore + wordBoost(terms, candidate.name, candidate.shortName) }))
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map((entry) => entry.candidate)
}

/** The name shown in plans and lists: a common food's short name (capitalised), else USDA's description. */
export function foodDisplayName(food: { name: string; shortName: string | null }): string {
  if (!food.shortName) return food.name
  return food.shortName.charAt(0).toUpperCase() + food.shortName.slice(1)
}
