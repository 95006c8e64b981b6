// The article service as plain Node code for the bench: bench/measures/articles.mjs
// builds this entry with Vite (dependencies stay in node_modules) and times
// the service itself, without IPC or HTTP in the way.
export { openDatabase } from '../../src/main/db/connection'
export { createKeyValueStore } from '../../src/main/db/key-value-store'
export { createArticleService } from '../../src/main/services/articles'
