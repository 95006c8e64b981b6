import type { Services } from '../../services'
import type { plannerChannels } from '../../../shared/contract'
import type { Handlers } from './types'

/** The meal planner. */
export const plannerHandlers = (services: Services): Handlers<typeof plannerChannels> => ({
  'planner.week': ({ start }) => services.planner.week(start),
  'planner.day': ({ day }) => services.planner.day(day),
  'planner.daySummary': ({ day }) => services.planner.daySummary(day),
  'planner.addItem': (input) => services.planner.addItem(input),
  'planner.updateItem': (input) => services.planner.updateItem(input),
  'planner.removeItem': ({ id }) => services.planner.removeItem(id),
  'planner.moveItem': (input) => services.planner.moveItem(input),
  'planner.reorderItem': (input) => services.planner.reorderItem(input),
  'planner.setEaten': ({ id, eaten }) => services.planner.setEaten(id, eaten),
  'planner.copyDay': (input) => services.planner.copyDay(input),
  'planner.clearDay': ({ day }) => services.planner.clearDay(day),
  'planner.setSupplement': ({ day, mg }) => services.planner.setSupplement(day, mg),
  'planner.targets': () => services.planner.targets(),
  'planner.setTarget': ({ nutrient, valueMg }) => services.planner.setTarget(nutrient, valueMg),
  'planner.resetTarget': ({ nutrient }) => services.planner.resetTarget(nutrient),
  'planner.suggestions': ({ day }) => services.planner.suggestions(day),
  'planner.templates': () => services.planner.templates(),
  'planner.saveTemplate': (input) => services.planner.saveTemplate(input),
  'planner.applyTemplate': (input) => services.planner.applyTemplate(input),
  'planner.deleteTemplate': ({ id }) => services.planner.deleteTemplate(id),
  'planner.shoppingList': ({ days }) => services.planner.shoppingList(days),
  'planner.magnesiumByDay': ({ from, to }) => services.planner.magnesiumByDay(from, to)
})
