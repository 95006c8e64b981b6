import type { Services } from '../../services'
import type { reportChannels } from '../../../shared/contract'
import type { Handlers } from './types'

/** The doctor report. */
export const reportHandlers = (services: Services): Handlers<typeof reportChannels> => ({
  'report.get': (query) => services.report.get(query),
  'report.savePdf': ({ fileName }) => services.report.savePdf(fileName)
})
