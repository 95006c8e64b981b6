// After `npm install`: nothing native needs doing for Node — better-sqlite3 has
// just been built (or downloaded) for this Node, which is what the tests and
// the web harness use. The Electron build of the same module is made on demand
// by src/build/electron-native.mjs (`npm start`, `npm run dev`, `npm run dist`),
// into .native/, so one install serves both runtimes and `npm test` keeps
// working after the app has been launched.
//
// This script only tells the user where things stand; it never fails the
// install (offline machines set ELECTRON_SKIP_BINARY_DOWNLOAD=1).
if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
  console.log('stillwell: Electron binary download skipped; the web harness (npm run web) still works.')
}
