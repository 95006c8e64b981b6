/**
 * The journal form's plain fields described as data: one component
 * (JournalFieldList.vue) lays them out and wires label, hint, error and id the
 * same way for each; `K` names the draft's keys, so a misspelt one does not compile. A field's id is `${formId}-${suffix}`; its error is read
 * under `${group}.${key}` (or `key` alone when the group is '').
 */
export type JournalFieldSpec<K extends string = string> =
  | { kind: 'number'; key: K; suffix: string; label: string; max: number; step?: number; hint?: string | undefined }
  | { kind: 'scale'; key: K; suffix: string; label: string; labels: readonly string[]; from: 0 | 1 }
  | { kind: 'time'; key: K; suffix: string; label: string; required?: boolean }
