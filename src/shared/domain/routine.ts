// The wind-down routine's suggested steps. Each comes from the sleep-hygiene
// and magnesium articles: dim light and screens away help the body's own
// evening signal; caffeine and alcohol worsen RLS and sleep; stretching,
// massage and a warm bath are the self-care steps the RLS guidance lists; a
// magnesium-rich snack only matters when the day's food fell short.

export const ROUTINE_LABEL_MAX = 120
export const ROUTINE_MAX_ITEMS = 30

export const SUGGESTED_ROUTINE: readonly string[] = Object.freeze([
  'Dim the lights and turn the screens down',
  'No more caffeine or alcohol tonight',
  'Stretch or massage your legs for a few minutes',
  'A warm bath or shower',
  'A magnesium-rich snack if today fell short of your target',
  'Put the screens away',
  'Set tomorrow’s meals in the planner'
])

/** A label as stored: trimmed, inner runs of whitespace collapsed. */
export function normaliseRoutineLabel(label: string): string {
  return label.replace(/\s+/g, ' ').trim()
}
