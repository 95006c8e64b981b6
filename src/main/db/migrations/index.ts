import { migration0001 } from './0001-settings'
import { migration0004 } from './0004-articles'
import type { Migration } from './types'

/**
 * Versions 2 and 3 belong to features developed on other branches. Until they
 * are merged here, these empty steps hold their places so the numbering stays
 * gap-free; merging replaces them with the real migrations.
 */
const placeholder = (version: number): Migration => ({ version, name: `reserved-${version}`, up: () => undefined })

/** Every migration the app has ever shipped, oldest first. Never edit a shipped one: add a new file. */
export const MIGRATIONS: readonly Migration[] = [migration0001, placeholder(2), placeholder(3), migration0004]

export const LATEST_SCHEMA_VERSION = MIGRATIONS.reduce((max, m) => Math.max(max, m.version), 0)

export type { Migration }
