import type { Services } from '../../services'
import type { experimentsChannels } from '../../../shared/contract'
import type { Handlers } from './types'

/** Experiments and lab values. */
export const experimentsHandlers = (services: Services): Handlers<typeof experimentsChannels> => ({
  'experiments.list': () => services.experiments.list(),
  'experiments.create': (input) => services.experiments.create(input),
  'experiments.stop': ({ id }) => services.experiments.stop(id),
  'experiments.delete': ({ id }) => services.experiments.remove(id),
  'experiments.today': () => services.experiments.today(),
  'experiments.checkin': ({ id, eveningDate, answer }) => services.experiments.checkin(id, eveningDate, answer),
  'labs.list': () => services.experiments.labs(),
  'labs.create': (input) => services.experiments.addLab(input),
  'labs.delete': ({ id }) => services.experiments.removeLab(id)
})
