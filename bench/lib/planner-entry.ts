// What the planner measures load in-process: the real storage and services,
// bundled by bench/lib/services-bundle.mjs (Vite, the same TypeScript the app
// ships), so timings are the services' own, with no IPC or HTTP in between.
export { CHECKED_FILE, openDatabase } from '../../src/main/db/connection'
export { createServices } from '../../src/main/services'
export { FOOD_CATALOGUE_BUILD_PATH } from '../../src/main/db/food-catalogue-file'
export { weekStart, addDays } from '../../src/shared/domain/meal-plan'
