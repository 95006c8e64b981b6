// The wind-down routine's suggested steps, from the sleep-hygiene article:
// dim light helps the body's own evening signal; caffeine and alcohol worsen
// RLS and sleep; stretching, massage and a warm bath are the self-care steps
// the RLS guidance lists; something that holds your attention makes the
// sensations less noticeable. Anything that needs a screen (the planner)
// comes before the screens are put away, which is the last step. There is
// no magnesium step: magnesium is not a bedtime treatment for RLS, and an
// evening "snack if you fell short" invites chocolate at night.

export const ROUTINE_LABEL_MAX = 120
export const ROUTINE_MAX_ITEMS = 30

export const SUGGESTED_ROUTINE: readonly string[] = Object.freeze([
  'Dim the lights and turn the screens down',
  'Set tomorrow’s meals in the planner',
  'No more caffeine or alcohol tonight',
  'Stretch or massage your legs for a few minutes',
  'A warm bath or shower',
  'Something that holds your attention: a book, a puzzle, a craft or a conversation',
  'Put the screens away'
])

/** A label as stored: trimmed, inner runs of whitespace collapsed. */
export function normaliseRoutineLabel(label: string): string {
  return label.replace(/\s+/g, ' ').trim()
}
