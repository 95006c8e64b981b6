import { join } from 'node:path'

/**
 * better-sqlite3 is compiled once per runtime. node_modules keeps the build
 * for Node (tests, web harness); the Electron build lives in .native/electron
 * during development (src/build/electron-native.mjs) and in resources/native in
 * packages. Returns where the Electron build is.
 */
export function electronSqliteBinding(isPackaged: boolean, appPath: string, resourcesPath: string): string {
  return isPackaged ? join(resourcesPath, 'native', 'better_sqlite3.node') : join(appPath, '.native', 'electron', 'better_sqlite3.node')
}

/**
 * A file of resources/ as a real file on disk, for another program to open
 * (a Linux notification server reads the icon by path and cannot look inside
 * app.asar). Packaged, such files are unpacked beside the archive
 * (`asarUnpack` in electron-builder.yml); in development appPath is the project.
 */
export function onDiskResource(appPath: string, name: string): string {
  return join(appPath.endsWith('.asar') ? `${appPath}.unpacked` : appPath, 'resources', name)
}
