import { IANAZone } from 'luxon'
import type { Clock } from '../ports'

/**
 * The IANA zone to plan in, read from the clock each time (the system zone can
 * change while the app runs). An unknown one (a broken system setting) falls
 * back to UTC rather than stopping reminders.
 */
export function zoneReader(clock: Clock, log: (message: string) => void = () => undefined): () => string {
  let warned: string | null = null
  // Checking a zone builds an Intl formatter (tens of microseconds): remember the answers.
  const valid = new Map<string, boolean>()
  return () => {
    const zone = clock.zone()
    let ok = valid.get(zone)
    if (ok === undefined) {
      ok = IANAZone.isValidZone(zone)
      if (valid.size > 50) valid.clear()
      valid.set(zone, ok)
    }
    if (ok) return zone
    if (warned !== zone) log(`Unknown time zone "${zone}"; planning reminders in UTC.`)
    warned = zone
    return 'UTC'
  }
}
