import type { Services } from '../../services'
import type { settingsChannels } from '../../../shared/contract'
import type { Handlers } from './types'

/** Settings and onboarding. */
export const settingsHandlers = (services: Services): Handlers<typeof settingsChannels> => ({
  'settings.get': () => services.settings.get(),
  'settings.update': (patch) => services.settings.update(patch),
  'settings.completeOnboarding': (input) => services.settings.completeOnboarding(input)
})
