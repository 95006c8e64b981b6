/** Set by electron.vite.config.ts when the main process is built: the build's date, YYYY-MM-DD. */
declare const __STILLWELL_BUILD_DATE__: string
