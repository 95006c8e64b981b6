import type { Services } from '../../services'
import type { dataChannels } from '../../../shared/contract'
import type { Handlers } from './types'

/** Your data: export, import, backups. */
export const dataHandlers = (services: Services): Handlers<typeof dataChannels> => ({
  'data.overview': () => services.data.overview(),
  'data.exportJson': () => services.data.exportJson(),
  'data.exportCsv': ({ table }) => services.data.exportCsv(table),
  'data.importJson': ({ content }) => services.data.importJson(content),
  'data.backupNow': () => services.data.backupNow(),
  'data.restore': ({ id }) => services.data.restore(id),
  'data.restart': () => services.data.restart(),
  'data.deleteAll': ({ backupFirst }) => services.data.deleteAll(backupFirst),
  'data.openFolder': () => services.data.openFolder()
})
