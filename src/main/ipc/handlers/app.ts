import type { Services } from '../../services'
import type { appChannels } from '../../../shared/contract'
import type { Handlers } from './types'

/** App information, notices, outside links, the test reminder and diagnostic info. */
export const appHandlers = (services: Services): Handlers<typeof appChannels> => ({
  'app.info': () => services.appInfo.info(),
  'app.dismissNotice': ({ id }) => services.appInfo.dismissNotice(id),
  'app.openExternal': ({ url }) => services.links.openExternal(url),
  'app.testReminder': () => services.support.testReminder(),
  'app.diagnostics': () => services.support.diagnostics()
})
