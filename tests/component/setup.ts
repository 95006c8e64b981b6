// Components write dates and times in the user's locale; these tests read them as a British user would.
import { setDisplayLocale } from '../../src/shared/domain/calendar'

setDisplayLocale('en-GB')
