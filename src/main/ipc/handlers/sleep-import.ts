import type { Services } from '../../services'
import type { sleepImportChannels } from '../../../shared/contract'
import type { Handlers } from './types'

/** Sleep from trackers and other apps: files in, a preview, apply and undo. */
export const sleepImportHandlers = (services: Services): Handlers<typeof sleepImportChannels> => ({
  'sleepImport.status': () => services.sleepImport.status(),
  'sleepImport.pickFile': ({ format }) => services.sleepImport.pickFile(format),
  'sleepImport.uploadBegin': ({ name, size }) => services.sleepImport.uploadBegin(name, size),
  'sleepImport.uploadChunk': ({ fileId, offset, base64 }) => services.sleepImport.uploadChunk(fileId, offset, base64),
  'sleepImport.csvColumns': ({ fileId }) => services.sleepImport.csvColumns(fileId),
  'sleepImport.start': ({ fileId, format, zone, mapping }) => services.sleepImport.start(fileId, format, zone, mapping),
  'sleepImport.progress': ({ jobId }) => services.sleepImport.progress(jobId),
  'sleepImport.cancel': ({ jobId }) => services.sleepImport.cancel(jobId),
  'sleepImport.apply': ({ jobId, useDevice }) => services.sleepImport.apply(jobId, useDevice),
  'sleepImport.undo': ({ importId }) => services.sleepImport.undo(importId),
  'sleepImport.compare': ({ from, to }) => services.sleepImport.compare(from, to),
  'sleepImport.night': ({ eveningDate }) => services.sleepImport.night(eveningDate)
})
