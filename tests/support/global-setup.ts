import { join } from 'node:path'
import { developmentFoodCatalogue, ensureFoodCatalogueFile } from '../../src/main/db/food-catalogue-file'

/** Vitest global setup: build the shipped food catalogue once, before test files run in parallel. */
export default function setup(): void {
  const root = join(__dirname, '..', '..')
  ensureFoodCatalogueFile(join(root, 'resources'), developmentFoodCatalogue(root))
}
