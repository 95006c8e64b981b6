import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import Papa from 'papaparse'
import { searchPrior } from '../../shared/domain/food-search'
import type { PortionRow, UsdaFood } from './food-store'

/**
 * The USDA SR28 extract in resources/food (see README-usda.md there), plus our
 * own list of common foods with friendlier names. Read when the app is built,
 * to make the catalogue file it ships (db/food-catalogue-file.ts); the running
 * app never parses these.
 */
export const FOOD_FILES = {
  foods: 'usda-foods-mg-fe.csv',
  portions: 'usda-portions.csv',
  common: 'common-foods.csv'
} as const

/** Bump when the way rows are turned into database values changes (e.g. the search prior): the catalogue file is rebuilt. */
const LOADER_VERSION = '1'

export interface FoodDataFiles {
  foods: string
  portions: string
  common: string
  hash: string
}

export function readFoodDataFiles(resourcesDir: string): FoodDataFiles {
  const dir = join(resourcesDir, 'food')
  const read = (name: string): Buffer => readFileSync(join(dir, name))
  const foods = read(FOOD_FILES.foods)
  const portions = read(FOOD_FILES.portions)
  const common = read(FOOD_FILES.common)
  const hash = createHash('sha256')
  hash.update(`loader ${LOADER_VERSION}\0`)
  for (const file of [foods, portions, common]) hash.update(file).update('\0')
  return { foods: foods.toString('utf8'), portions: portions.toString('utf8'), common: common.toString('utf8'), hash: hash.digest('hex') }
}

/** A shipped data file that does not parse is a packaging bug, not the user's problem: say exactly where. */
class FoodDataError extends Error {
  constructor(file: string, line: number, problem: string) {
    super(`resources/food/${file}, line ${line}: ${problem}`)
    this.name = 'FoodDataError'
  }
}

function parseCsv(file: string, text: string, columns: readonly string[]): Record<string, string>[] {
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true })
  const fatal = parsed.errors[0]
  if (fatal) throw new FoodDataError(file, (fatal.row ?? 0) + 2, fatal.message)
  const missing = columns.filter((c) => !parsed.meta.fields?.includes(c))
  if (missing.length > 0) throw new FoodDataError(file, 1, `missing column(s) ${missing.join(', ')}`)
  return parsed.data
}

function number(file: string, line: number, column: string, text: string | undefined, optional = false): number | null {
  const trimmed = (text ?? '').trim()
  if (trimmed === '') {
    if (optional) return null
    throw new FoodDataError(file, line, `${column} is empty`)
  }
  const value = Number(trimmed)
  if (!Number.isFinite(value) || value < 0) throw new FoodDataError(file, line, `${column} is not a number: "${trimmed}"`)
  return value
}

export function parseFoodData(files: FoodDataFiles): { foods: UsdaFood[]; portions: PortionRow[] } {
  const common = new Map<string, string>()
  parseCsv(FOOD_FILES.common, files.common, ['source_id', 'short_name']).forEach((row, i) => {
    const id = row['source_id']?.trim() ?? ''
    const name = row['short_name']?.trim() ?? ''
    if (!/^\d{5}$/.test(id) || !name) throw new FoodDataError(FOOD_FILES.common, i + 2, 'needs a five-digit source_id and a short_name')
    common.set(id, name)
  })

  const foods = parseCsv(FOOD_FILES.foods, files.foods, [
    'source_id',
    'description',
    'food_group',
    'mg_mg_per_100g',
    'fe_mg_per_100g',
    'kcal_per_100g'
  ]).map((row, i): UsdaFood => {
    const line = i + 2
    const file = FOOD_FILES.foods
    const id = row['source_id'] ?? ''
    if (!/^\d{5}$/.test(id)) throw new FoodDataError(file, line, `source_id is not a five-digit NDB number: "${id}"`)
    const name = (row['description'] ?? '').trim()
    const foodGroup = (row['food_group'] ?? '').trim()
    if (!name || !foodGroup) throw new FoodDataError(file, line, 'description and food_group are required')
    const mgText = (row['mg_mg_per_100g'] ?? '').trim()
    const feText = (row['fe_mg_per_100g'] ?? '').trim() || null
    const kcalText = (row['kcal_per_100g'] ?? '').trim()
    const shortName = common.get(id) ?? null
    return {
      id,
      name,
      shortName,
      foodGroup,
      mg: number(file, line, 'mg_mg_per_100g', mgText)!,
      fe: number(file, line, 'fe_mg_per_100g', feText ?? '', true),
      kcal: number(file, line, 'kcal_per_100g', kcalText)!,
      mgText,
      feText,
      kcalText,
      common: shortName !== null,
      prior: searchPrior({ name, foodGroup, source: 'usda', common: shortName !== null })
    }
  })

  const known = new Set(foods.map((f) => f.id))
  const missingCommon = [...common.keys()].filter((id) => !known.has(id))
  if (missingCommon.length > 0) throw new FoodDataError(FOOD_FILES.common, 1, `unknown food id(s) ${missingCommon.join(', ')}`)

  const portions = parseCsv(FOOD_FILES.portions, files.portions, ['source_id', 'seq', 'amount', 'measure', 'grams']).map(
    (row, i): PortionRow => {
      const line = i + 2
      const file = FOOD_FILES.portions
      const id = row['source_id'] ?? ''
      if (!known.has(id)) throw new FoodDataError(file, line, `portion for unknown food "${id}"`)
      const measure = (row['measure'] ?? '').trim()
      if (!measure) throw new FoodDataError(file, line, 'measure is empty')
      const amount = number(file, line, 'amount', row['amount'])!
      const grams = number(file, line, 'grams', row['grams'])!
      if (amount <= 0 || grams <= 0) throw new FoodDataError(file, line, 'amount and grams must be above 0')
      return { food_id: id, seq: number(file, line, 'seq', row['seq'])!, amount, measure, grams }
    }
  )
  return { foods, portions }
}

export interface LoadReport {
  /** Always false now: the catalogue ships prebuilt and is only attached, never loaded into the user's database. */
  loaded: boolean
  foods: number
  portions: number
  ms: number
}
