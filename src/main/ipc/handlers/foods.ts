import type { Services } from '../../services'
import type { foodsChannels } from '../../../shared/contract'
import type { Handlers } from './types'

/** Foods: the catalogue and the user's own. */
export const foodsHandlers = (services: Services): Handlers<typeof foodsChannels> => ({
  'foods.search': (input) => services.foods.search(input),
  'foods.get': ({ ids }) => services.foods.get(ids),
  'foods.groups': () => services.foods.groups(),
  'foods.mine': () => services.foods.mine(),
  'foods.create': (food) => services.foods.create(food),
  'foods.update': ({ id, food }) => services.foods.update(id, food),
  'foods.delete': ({ id }) => services.foods.remove(id),
  'foods.importCsv': ({ csv }) => services.foods.importCsv(csv)
})
