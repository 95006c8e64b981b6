// After `npm install`: nothing native needs doing for Node — better-sqlite3 has
// just been built (or downloaded) for this Node, which is what the tests and
// the web harness use. Electron's binary and the Electron build of the same
// module are fetched and made on first use by src/build/electron-native.mjs
// (`npm start`, `npm run dev`, `npm run dist`), into node_modules/electron/dist
// and .native/, so one install serves both runtimes and `npm test` keeps
// working after the app has been launched.
//
// This script only tells the user where things stand; it never fails the install.
if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
  console.log('stillwell: ELECTRON_SKIP_BINARY_DOWNLOAD is set, so "npm start" will not download Electron; "npm run web" works without it.')
} else {
  console.log('stillwell: "npm start" downloads Electron on its first run (about 100 MB), then builds and opens the app.')
}
