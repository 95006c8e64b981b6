/**
 * The web harness's bridge (HTTP on loopback, standing in for Electron's IPC):
 * limits both ends keep to. The page sends the calls it made in one task
 * together, as a JSON array, and the server answers with an array of results.
 */
export const MAX_CALLS_PER_REQUEST = 32
