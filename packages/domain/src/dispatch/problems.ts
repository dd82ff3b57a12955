/** A problem with one field of an input (a form, a file), said in Chinese and English. */
export interface FieldProblem {
  /** the field's path, e.g. 'threshold' or 'items[2].weight'; '' for the input as a whole */
  field: string
  message: { zh: string; en: string }
}
