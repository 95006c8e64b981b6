import { isKnownZone } from '../../../shared/domain/calendar-zones'
import type { Clock } from '../ports'

/**
 * The IANA zone to plan in, read from the clock each time (the system zone can
 * change while the app runs). An unknown one (a broken system setting) falls
 * back to UTC rather than stopping reminders.
 */
export function zoneReader(clock: Clock, log: (message: string) => void = () => undefined): () => string {
  let warned: string | null = null
  return () => {
    const zone = clock.zone()
    if (isKnownZone(zone)) return zone
    if (warned !== zone) log(`Unknown time zone "${zone}"; planning reminders in UTC.`)
    warned = zone
    return 'UTC'
  }
}
