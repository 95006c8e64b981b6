// Over 400 lines: search over the attached catalogue and the user's own foods share one scoring; splitting would split the ranking.
import type { Database } from 'better-sqlite3'
import Papa from 'papaparse'
import {
  AppError,
  USER_FOOD_LIMITS,
  UserFoodInputSchema,
  type FoodDetail,
  type FoodGroup,
  type FoodSearchInput,
  type FoodSummary,
  type ImportResult,
  type Portion,
  type UserFoodInput
} from '../../shared/contract'
import {
  foodDisplayName,
  isFirstLetter,
  isNdbNumber,
  matchExpression,
  rankCandidates,
  searchPrior,
  searchTerms
} from '../../shared/domain/food-search'
import { formatAmount } from '../../shared/domain/meal-plan'
import { nutrientForGrams } from '../../shared/domain/nutrients'
import {
  createFoodStore,
  MIN_KCAL_FOR_RATIO,
  type FoodStore,
  type FoodRow,
  type PortionRow,
  type UserFoodValues
} from '../db/food-store'
import type { LoadReport } from '../db/food-data'

/** The group the user's foods go in unless they choose another. */
export const MY_FOODS_GROUP = 'My foods'
/** How many of SQLite's best matches are re-ranked word by word. */
const CANDIDATES = 60
/** An import file may hold at most this many foods. */
export const MAX_IMPORT_ROWS = 500

export interface FoodsService {
  /** Reports the shipped USDA catalogue (attached when the service is made; nothing to load, so always cheap). */
  ensureLoaded(): LoadReport
  /** Food ids that plans or templates name but no food has (checked after an import). */
  unknownPlanned(): string[]
  /** Counts again how often each food is planned (after plan items were replaced wholesale). */
  recountUses(): void
  search(input: FoodSearchInput): { results: FoodSummary[]; more: boolean }
  get(ids: readonly string[]): FoodDetail[]
  /** One food or a not-found error written for the user. */
  require(id: string): FoodDetail
  groups(): FoodGroup[]
  mine(): FoodDetail[]
  create(input: UserFoodInput): FoodDetail
  update(id: string, input: UserFoodInput): FoodDetail
  remove(id: string): { hidden: boolean }
  importCsv(csv: string): ImportResult
  /** Candidates for "close the gap": foods used before, then the common ones. */
  gapCandidates(): { food: FoodDetail; usedBefore: boolean }[]
  /** The name shown in plans and lists: the short name of a common food, else the full one. */
  displayName(food: Pick<FoodSummary, 'name' | 'shortName'>): string
}

export interface FoodsDeps {
  db: Database
  /** The read-only USDA catalogue file (see db/food-catalogue-file.ts). */
  catalogueFile: string
  now: () => Date
  /** Told once if the catalogue could not be opened (the service then offers the user's foods only). */
  log?: (message: string) => void
}

export const displayName = foodDisplayName

function portionLabel(amount: number, measure: string): string {
  return `${formatAmount(amount)} ${measure}`
}

function summary(row: FoodRow): FoodSummary {
  const serving: Portion | null =
    row.serving_grams !== null && row.serving_amount !== null && row.serving_measure !== null
      ? {
          seq: 1,
          amount: row.serving_amount,
          measure: row.serving_measure,
          grams: row.serving_grams,
          label: portionLabel(row.serving_amount, row.serving_measure)
        }
      : null
  const kcal = row.kcal_per_100g
  return {
    id: row.id,
    source: row.source,
    name: row.name,
    shortName: row.short_name,
    foodGroup: row.food_group,
    mgPer100g: row.mg_per_100g,
    fePer100g: row.fe_per_100g,
    kcalPer100g: kcal,
    published:
      row.source === 'usda' && row.mg_text !== null && row.kcal_text !== null
        ? { mg: row.mg_text, fe: row.fe_text, kcal: row.kcal_text }
        : null,
    serving,
    mgPerServing: serving ? nutrientForGrams(row.mg_per_100g, serving.grams) : null,
    mgPer100kcal: kcal !== null && kcal >= MIN_KCAL_FOR_RATIO ? (row.mg_per_100g * 100) / kcal : null,
    common: row.common === 1,
    uses: row.uses,
    retired: row.retired === 1
  }
}

function detail(row: FoodRow, portions: readonly PortionRow[]): FoodDetail {
  return {
    ...summary(row),
    portions: portions.map((p) => ({
      seq: p.seq,
      amount: p.amount,
      measure: p.measure,
      grams: p.grams,
      label: portionLabel(p.amount, p.measure)
    })),
    basis: row.basis
  }
}

/** "1 slice" typed as a portion name is stored as "slice": the amount is always one. */
function cleanPortionLabel(label: string): string {
  return label.replace(/^1\s+(?=\S)/, '').trim()
}

export function createFoodsService(deps: FoodsDeps): FoodsService {
  const started = performance.now()
  const catalogue: FoodStore = createFoodStore(deps.db, deps.catalogueFile, deps.log)
  const attachMs = performance.now() - started
  let groupsCache: FoodGroup[] | null = null

  function ensureLoaded(): LoadReport {
    const { foods, portions } = catalogue.info()
    return { loaded: false, foods, portions, ms: attachMs }
  }

  function details(rows: readonly FoodRow[]): FoodDetail[] {
    const portions = catalogue.portions(rows.map((r) => r.id))
    const byFood = new Map<string, PortionRow[]>()
    for (const p of portions) byFood.set(p.food_id, [...(byFood.get(p.food_id) ?? []), p])
    return rows.map((row) => detail(row, byFood.get(row.id) ?? []))
  }

  function get(ids: readonly string[]): FoodDetail[] {
    return details(catalogue.byIds(ids))
  }

  function requireFood(id: string): FoodDetail {
    const [food] = get([id])
    if (!food)
      throw new AppError('not-found', 'That food is not in Stillwell’s food list. It may have been deleted.', { foodId: 'Unknown food.' })
    return food
  }

  function search(input: FoodSearchInput): { results: FoodSummary[]; more: boolean } {
    const limit = input.limit ?? 25
    const sort = input.sort ?? 'relevance'
    const group = input.group?.trim() ? input.group.trim() : null
    const terms = searchTerms(input.query)
    const match = matchExpression(terms)

    if (sort !== 'relevance') {
      const rows = catalogue.browse(sort, match, group, limit + 1)
      return { results: rows.slice(0, limit).map(summary), more: rows.length > limit }
    }
    if (match === null) {
      // Nothing typed yet: the everyday foods richest in magnesium per serving, a useful place to start.
      const rows = catalogue.browse('mgPerServing', null, group, limit + 1, true)
      return { results: rows.slice(0, limit).map(summary), more: rows.length > limit }
    }
    if (isFirstLetter(terms)) {
      // More foods start with that letter: say so, so the page can ask for another letter.
      const rows = catalogue.searchLikely(terms[0]!, group, limit)
      return { results: rows.map(summary), more: true }
    }
    const rows = catalogue.search(match, group, Math.max(CANDIDATES, limit + 1))
    const ranked = rankCandidates(
      terms,
      rows.map((row) => ({ ...row, shortName: row.short_name, sqlScore: row.score }))
    )
    if (isNdbNumber(input.query)) {
      const exact = catalogue.byIds([input.query.trim()]).filter((r) => !r.retired && (group === null || r.food_group === group))
      ranked.unshift(...exact.map((row) => ({ ...row, shortName: row.short_name, sqlScore: 0, score: 0 })))
    }
    return { results: ranked.slice(0, limit).map(summary), more: ranked.length > limit }
  }

  /**
   * Checks a user's food beyond what the schema can (per-100 g limits after
   * converting from a serving) and turns it into stored values.
   */
  function toValues(input: UserFoodInput, prefix = ''): { values: UserFoodValues } | { fields: Record<string, string> } {
    const fields: Record<string, string> = {}
    const per100 = (value: number): number => (input.basis === 'serving' && input.serving ? (value * 100) / input.serving.grams : value)
    const mgPer100g = per100(input.magnesiumMg)
    const fePer100g = input.ironMg === null ? null : per100(input.ironMg)
    const kcalPer100g = input.kcal === null ? null : per100(input.kcal)
    const perServing = input.basis === 'serving' ? ' Check the amount and the serving’s weight.' : ''
    if (mgPer100g > USER_FOOD_LIMITS.mgPer100g) {
      fields[`${prefix}magnesiumMg`] = `That is ${Math.round(mgPer100g)} mg per 100 g, more than any food has.${perServing}`
    }
    if (fePer100g !== null && fePer100g > USER_FOOD_LIMITS.fePer100g) {
      fields[`${prefix}ironMg`] = `That is ${Math.round(fePer100g)} mg of iron per 100 g, more than any food has.${perServing}`
    }
    if (kcalPer100g !== null && kcalPer100g > USER_FOOD_LIMITS.kcalPer100g) {
      fields[`${prefix}kcal`] = `That is ${Math.round(kcalPer100g)} kcal per 100 g; nothing has more than about 900.${perServing}`
    }
    if (Object.keys(fields).length > 0) return { fields }
    const foodGroup = input.foodGroup?.trim() || MY_FOODS_GROUP
    const portions: UserFoodValues['portions'] = []
    if (input.serving) portions.push({ seq: 1, label: cleanPortionLabel(input.serving.label), grams: input.serving.grams })
    input.portions.forEach((p, i) => portions.push({ seq: i + 2, label: cleanPortionLabel(p.label), grams: p.grams }))
    return {
      values: {
        name: input.name.trim(),
        foodGroup,
        mgPer100g,
        fePer100g,
        kcalPer100g,
        basis: input.basis,
        prior: searchPrior({ name: input.name, foodGroup, source: 'user', common: false }),
        portions
      }
    }
  }

  function requireOwn(id: string): FoodDetail {
    const food = requireFood(id)
    if (food.source !== 'user' || food.retired) {
      throw new AppError('not-found', 'Only foods you added yourself can be changed or deleted.', { id: 'Not one of your foods.' })
    }
    return food
  }

  function create(input: UserFoodInput): FoodDetail {
    const checked = toValues(input)
    if ('fields' in checked) throw new AppError('invalid-input', 'Some of the food’s values are not possible.', checked.fields)
    if (catalogue.userNamesTaken([checked.values.name]).length > 0) {
      throw new AppError('conflict', 'You already have a food with that name.', { name: 'Choose a different name.' })
    }
    const id = catalogue.insertUser(checked.values, deps.now().toISOString())
    groupsCache = null
    return requireFood(id)
  }

  function update(id: string, input: UserFoodInput): FoodDetail {
    const current = requireOwn(id)
    const checked = toValues(input)
    if ('fields' in checked) throw new AppError('invalid-input', 'Some of the food’s values are not possible.', checked.fields)
    if (checked.values.name.toLowerCase() !== current.name.toLowerCase() && catalogue.userNamesTaken([checked.values.name]).length > 0) {
      throw new AppError('conflict', 'You already have a food with that name.', { name: 'Choose a different name.' })
    }
    catalogue.updateUser(id, checked.values, deps.now().toISOString())
    groupsCache = null
    return requireFood(id)
  }

  function remove(id: string): { hidden: boolean } {
    requireOwn(id)
    const hidden = catalogue.removeUser(id, deps.now().toISOString())
    groupsCache = null
    return { hidden }
  }

  function importCsv(csv: string): ImportResult {
    const rows = parseImport(csv)
    const problems: Record<string, string> = {}
    const values: UserFoodValues[] = []
    const seen = new Map<string, number>()
    rows.forEach(({ line, input, errors }) => {
      const key = `row ${line}`
      if (errors.length > 0) {
        problems[key] = errors.join(' ')
        return
      }
      const parsed = UserFoodInputSchema.safeParse(input)
      if (!parsed.success) {
        problems[key] = parsed.error.issues.map((issue) => issue.message).join(' ')
        return
      }
      const checked = toValues(parsed.data)
      if ('fields' in checked) {
        problems[key] = Object.values(checked.fields).join(' ')
        return
      }
      const name = checked.values.name.toLowerCase()
      const earlier = seen.get(name)
      if (earlier !== undefined) {
        problems[key] = `The name “${checked.values.name}” is already used on row ${earlier}.`
        return
      }
      seen.set(name, line)
      values.push(checked.values)
    })
    const taken = catalogue.userNamesTaken(values.map((v) => v.name))
    for (const name of taken) {
      const line = seen.get(name.toLowerCase())
      problems[`row ${line}`] = `You already have a food called “${name}”.`
    }
    if (Object.keys(problems).length > 0) {
      const list = Object.keys(problems)
      const named = list.length > 5 ? `${list.slice(0, 5).join(', ')} and ${list.length - 5} more` : list.join(', ')
      throw new AppError('invalid-input', `Nothing was imported: fix ${named} and try again.`, problems)
    }
    const now = deps.now().toISOString()
    deps.db.transaction(() => {
      for (const v of values) catalogue.insertUser(v, now)
    })()
    groupsCache = null
    return { imported: values.length, names: values.map((v) => v.name) }
  }

  function groups(): FoodGroup[] {
    groupsCache ??= catalogue.groups()
    return groupsCache
  }

  function gapCandidates(): { food: FoodDetail; usedBefore: boolean }[] {
    const used = catalogue.used(30)
    const seen = new Set(used.map((r) => r.id))
    const rows = [...used, ...catalogue.common().filter((r) => !seen.has(r.id))]
    return details(rows).map((food) => ({ food, usedBefore: food.uses > 0 }))
  }

  return {
    ensureLoaded,
    unknownPlanned: () => catalogue.unknownPlanned(),
    recountUses: () => catalogue.recountUses(),
    search,
    get,
    require: requireFood,
    groups,
    mine: () => details(catalogue.mine()),
    create,
    update,
    remove,
    importCsv,
    gapCandidates,
    displayName
  }
}

// ---------------------------------------------------------------------------
// Importing the user's foods from CSV

/** The columns an import file may have (header names, any case; spaces or dashes read as underscores). */
export const IMPORT_COLUMNS = ['name', 'magnesium_mg', 'iron_mg', 'kcal', 'per', 'serving_name', 'serving_g', 'food_group'] as const

interface ImportRow {
  line: number
  input: unknown
  errors: string[]
}

function parseImport(csv: string): ImportRow[] {
  const parsed = Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: (header) =>
      header
        .trim()
        .toLowerCase()
        .replace(/[\s-]+/g, '_')
  })
  const headers = parsed.meta.fields ?? []
  if (!headers.includes('name') || !headers.includes('magnesium_mg')) {
    throw new AppError(
      'invalid-input',
      'Nothing was imported: the file needs a header row with at least the columns name and magnesium_mg.',
      { file: `Columns found: ${headers.join(', ') || 'none'}.` }
    )
  }
  const unknown = headers.filter((h) => h && !(IMPORT_COLUMNS as readonly string[]).includes(h))
  if (unknown.length > 0) {
    throw new AppError('invalid-input', `Nothing was imported: the file has column(s) Stillwell does not know: ${unknown.join(', ')}.`, {
      file: `Use only: ${IMPORT_COLUMNS.join(', ')}.`
    })
  }
  if (parsed.data.length === 0) throw new AppError('invalid-input', 'Nothing was imported: the file has no foods under its header row.')
  if (parsed.data.length > MAX_IMPORT_ROWS) {
    throw new AppError(
      'invalid-input',
      `Nothing was imported: a file can hold at most ${MAX_IMPORT_ROWS} foods (this one has ${parsed.data.length}).`
    )
  }
  const rowErrors = new Map<number, string[]>()
  for (const error of parsed.errors) {
    if (error.row === undefined) continue
    const list = rowErrors.get(error.row) ?? []
    list.push(error.code === 'TooManyFields' ? 'It has more cells than the header.' : error.message)
    rowErrors.set(error.row, list)
  }
  return parsed.data.map((row, index) => {
    const line = index + 2
    const errors = [...(rowErrors.get(index) ?? [])]
    const cell = (name: string): string => (row[name] ?? '').trim()
    const num = (name: string, label: string, optional: boolean): number | null => {
      const text = cell(name).replace(',', '.')
      if (text === '') {
        if (!optional) errors.push(`${label} is missing.`)
        return null
      }
      const value = Number(text)
      if (!Number.isFinite(value)) {
        errors.push(`${label} “${cell(name)}” is not a number.`)
        return null
      }
      return value
    }
    const perText = cell('per').toLowerCase().replace(/\s+/g, '')
    let basis: '100g' | 'serving' = '100g'
    if (perText === 'serving') basis = 'serving'
    else if (perText !== '' && perText !== '100g') errors.push(`per must be “100 g” or “serving”, not “${cell('per')}”.`)
    const servingName = cell('serving_name')
    const servingGrams = num('serving_g', 'serving_g', true)
    if ((servingName === '') !== (servingGrams === null)) errors.push('Give both serving_name and serving_g, or neither.')
    const input = {
      name: cell('name'),
      foodGroup: cell('food_group') || undefined,
      basis,
      magnesiumMg: num('magnesium_mg', 'magnesium_mg', false) ?? Number.NaN,
      ironMg: num('iron_mg', 'iron_mg', true),
      kcal: num('kcal', 'kcal', true),
      serving: servingName && servingGrams !== null ? { label: servingName, grams: servingGrams } : null,
      portions: []
    }
    return { line, input, errors }
  })
}
