import type { Services } from '../../services'
import type { appChannels } from '../../../shared/contract'
import type { Handlers } from './types'

/** App information, notices and outside links. */
export const appHandlers = (services: Services): Handlers<typeof appChannels> => ({
  'app.info': () => services.appInfo.info(),
  'app.dismissNotice': ({ id }) => services.appInfo.dismissNotice(id),
  'app.openExternal': ({ url }) => services.links.openExternal(url)
})
