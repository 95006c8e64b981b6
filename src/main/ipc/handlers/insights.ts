import type { Services } from '../../services'
import type { insightsChannels } from '../../../shared/contract'
import type { Handlers } from './types'

/** Insights. */
export const insightsHandlers = (services: Services): Handlers<typeof insightsChannels> => ({
  'insights.get': (query) => services.insights.get(query)
})
