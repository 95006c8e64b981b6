import type { z } from 'zod'
import type { Channel, Contract, Output } from '../../shared/contract'
import type { Services } from '../services'

/** A handler receives input already checked against the contract. */
export type HandlerTable = {
  [C in Channel]: (input: z.output<Contract[C]['input']>) => Output<C> | Promise<Output<C>>
}

/** The one table of channel → handler, bound both to ipcMain and to the web harness. */
export function createHandlers(services: Services): HandlerTable {
  return {
    'app.info': () => services.appInfo.info(),
    'app.dismissNotice': ({ id }) => services.appInfo.dismissNotice(id),
    'app.openExternal': ({ url }) => services.links.openExternal(url),
    'settings.get': () => services.settings.get(),
    'settings.update': (patch) => services.settings.update(patch),
    'settings.completeOnboarding': (input) => services.settings.completeOnboarding(input),
    'journal.defaults': () => services.journal.defaults(),
    'journal.list': (range) => services.journal.list(range),
    'journal.get': ({ eveningDate }) => services.journal.get(eveningDate),
    'journal.create': (entry) => services.journal.create(entry),
    'journal.update': ({ id, entry }) => services.journal.update(id, entry),
    'journal.delete': ({ id }) => services.journal.remove(id),
    'journal.restore': ({ id }) => services.journal.restore(id),
    'journal.glance': () => services.journal.glance(),
    'journal.exportCsv': () => services.journal.exportCsv(),
    'journal.factors.list': () => services.journal.factors(),
    'journal.factors.create': (input) => services.journal.createFactor(input),
    'journal.factors.update': (input) => services.journal.updateFactor(input),
    'insights.get': (query) => services.insights.get(query),
    'articles.list': () => services.articles.list(),
    'articles.search': ({ query, tag }) => services.articles.search(query, tag ?? null),
    'articles.get': ({ slug }) => services.articles.get(slug),
    'articles.savePosition': ({ slug, fraction, anchor }) => services.articles.savePosition(slug, fraction, anchor),
    'articles.setRead': ({ slug, read }) => services.articles.setRead(slug, read),
    'articles.bookmarks': () => services.articles.bookmarks(),
    'articles.addBookmark': ({ slug, anchor, label, fraction }) => services.articles.addBookmark(slug, anchor, label, fraction),
    'articles.removeBookmark': ({ id }) => services.articles.removeBookmark(id),
    'articles.import': ({ fileName, contentBase64 }) => services.articles.importFile(fileName, contentBase64),
    'articles.update': ({ slug, title, tags }) => services.articles.update(slug, { title, tags }),
    'articles.delete': ({ slug }) => services.articles.remove(slug),
    'articles.preferences': () => services.articles.preferences(),
    'articles.setPreferences': (preferences) => services.articles.setPreferences(preferences),
    'foods.search': (input) => services.foods.search(input),
    'foods.get': ({ ids }) => services.foods.get(ids),
    'foods.groups': () => services.foods.groups(),
    'foods.mine': () => services.foods.mine(),
    'foods.create': (food) => services.foods.create(food),
    'foods.update': ({ id, food }) => services.foods.update(id, food),
    'foods.delete': ({ id }) => services.foods.remove(id),
    'foods.importCsv': ({ csv }) => services.foods.importCsv(csv),
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
  }
}
