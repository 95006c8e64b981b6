/**
 * The channel names alone, with no validator code, so the sandboxed preload can
 * build its api object without bundling zod. `tests/unit/contract.test.ts`
 * checks this list against the contract, so the two cannot drift apart.
 */
export const CHANNELS = [
  'app.info',
  'app.dismissNotice',
  'settings.get',
  'settings.update',
  'settings.completeOnboarding',
  'foods.search',
  'foods.get',
  'foods.groups',
  'foods.mine',
  'foods.create',
  'foods.update',
  'foods.delete',
  'foods.importCsv',
  'planner.week',
  'planner.day',
  'planner.daySummary',
  'planner.addItem',
  'planner.updateItem',
  'planner.removeItem',
  'planner.moveItem',
  'planner.reorderItem',
  'planner.setEaten',
  'planner.copyDay',
  'planner.clearDay',
  'planner.setSupplement',
  'planner.targets',
  'planner.setTarget',
  'planner.resetTarget',
  'planner.suggestions',
  'planner.templates',
  'planner.saveTemplate',
  'planner.applyTemplate',
  'planner.deleteTemplate',
  'planner.shoppingList',
  'planner.magnesiumByDay'
] as const

export const EVENTS = ['notification', 'navigate'] as const

export type ChannelName = (typeof CHANNELS)[number]
export type EventName = (typeof EVENTS)[number]
