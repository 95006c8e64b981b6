// The one calendar of Stillwell: days, evenings, clock times and how they are
// written for people. Everything that counts days or reads a clock goes through here.

interface WeekInfo {
  firstDay: number
}
type LocaleWithWeek = Intl.Locale & { getWeekInfo?: () => WeekInfo; weekInfo?: WeekInfo }

/** The user's locale as the system gives it (the page's language in the renderer). */
export function userLocale(): string {
  return new Intl.DateTimeFormat().resolvedOptions().locale
}

/**
 * The first day of the week in the user's locale (1 = Monday … 7 = Sunday),
 * from Intl.Locale's week info where the engine has it; Monday otherwise.
 */
export function firstDayOfWeek(locale: string = userLocale()): number {
  try {
    const info = new Intl.Locale(locale) as LocaleWithWeek
    const firstDay = info.getWeekInfo?.().firstDay ?? info.weekInfo?.firstDay
    return typeof firstDay === 'number' && firstDay >= 1 && firstDay <= 7 ? firstDay : 1
  } catch {
    return 1
  }
}
