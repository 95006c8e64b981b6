/**
 * The time zones to choose from: every zone the browser lists, with the computer's own zone among them even
 * where that list leaves it out. The list holds canonical names only, so "UTC" (the zone of many a Linux
 * machine) and older names a system may still report are missing; without them the choice would start blank.
 */
export function zoneChoices(current: string, listed: readonly string[]): string[] {
  if (current === '' || listed.includes(current)) return [...listed]
  return [...listed, current].sort()
}
