import { migration0001 } from './0001-settings'
import { migration0002 } from './0002-journal'
import { migration0003 } from './0003-articles'
import { migration0004 } from './0004-foods'
import { migration0005 } from './0005-reminders'
import { migration0006 } from './0006-experiments-labs'
import { migration0007 } from './0007-medications'
import { migration0008 } from './0008-sleep-import'
import { migration0009 } from './0009-food-catalogue-apart'
import type { Migration } from './types'

/** Every migration the app has ever shipped, oldest first. Never edit a shipped one: add a new file. */
export const MIGRATIONS: readonly Migration[] = [migration0001, migration0002, migration0003, migration0004, migration0005, migration0006, migration0007, migration0008, migration0009]

export const LATEST_SCHEMA_VERSION = MIGRATIONS.reduce((max, m) => Math.max(max, m.version), 0)

export type { Migration }
