/**
 * The largest export file an import accepts, in bytes: more than twice ten
 * years of entries (about 14 MB). The page checks a file's size against it
 * before reading or sending anything. A module of its own, so the page can
 * read it without the CSV code that lives beside the export rules.
 */
export const MAX_EXPORT_FILE_BYTES = 32 * 1024 * 1024
