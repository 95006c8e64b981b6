/**
 * SQL that more than one migration writes. A shipped migration must build the
 * same schema for ever, so nothing here may change: a new rule belongs in a new
 * fragment, used by a new migration.
 */

/** A column holding an ISO date ('YYYY-MM-DD') that is a real day of the calendar. */
export const DAY_CHECK = (column: string): string =>
  `${column} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND date(${column}) IS ${column}`

export const MEAL_CHECK = (column: string): string => `${column} IN ('breakfast', 'lunch', 'dinner', 'snacks')`

/**
 * How much of a food a planned portion is (plan items and meal-template items):
 * an amount of a unit (grams, a household measure or a serving) and that unit's
 * weight, with at most 2 kg in one portion.
 */
export const PORTION_COLUMNS = `amount      REAL NOT NULL CHECK (amount > 0 AND amount <= 1000),
        unit_kind   TEXT NOT NULL CHECK (unit_kind IN ('g', 'measure', 'serving')),
        unit_seq    INTEGER CHECK (unit_seq IS NULL OR unit_seq BETWEEN 1 AND 999),
        unit_label  TEXT NOT NULL CHECK (length(unit_label) BETWEEN 1 AND 140),
        unit_grams  REAL NOT NULL CHECK (unit_grams > 0 AND unit_grams <= 10000),`

export const PORTION_WEIGHT_CHECK = 'CHECK (amount * unit_grams <= 2000)'
