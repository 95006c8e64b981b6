// Dates and times follow the user's locale (main-side messages and components alike); the tests read them as a British user would.
import { setDisplayLocale } from '../../src/shared/domain/calendar'

setDisplayLocale('en-GB')
