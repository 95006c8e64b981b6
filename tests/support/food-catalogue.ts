import { join } from 'node:path'
import { developmentFoodCatalogue, ensureFoodCatalogueFile } from '../../src/main/db/food-catalogue-file'

const ROOT = join(__dirname, '..', '..')
let checked = false

/**
 * The USDA catalogue file the app ships, built from resources/food the way
 * `npm run build` builds it. The test setup (tests/support/global-setup.ts)
 * builds it before any test runs; this checks once per worker, so a single test
 * file run on its own works too.
 */
export function testFoodCatalogue(): string {
  const file = developmentFoodCatalogue(ROOT)
  if (!checked) {
    ensureFoodCatalogueFile(join(ROOT, 'resources'), file)
    checked = true
  }
  return file
}
