/** What every labelled field of the form kit takes: the control's id, its label, error, hint, and ids of notes outside it. */
export interface FieldProps {
  id: string
  label: string
  error?: string | undefined
  hint?: string | undefined
  describedBy?: string | undefined
}

/** What ties a control to its field: its id (the label's `for`) and, for screen readers, its hint and error. Bind it whole. */
export interface ControlAttrs {
  id: string
  'aria-invalid': 'true' | undefined
  'aria-describedby': string | undefined
}
