export type SearchInputField = 'q' | 'category' | 'page' | 'pageSize';

/** A reader's query the engine refuses to run; `field` names the offending input. */
export class SearchValidationError extends Error {
  override readonly name = 'SearchValidationError';

  constructor(
    readonly field: SearchInputField,
    message: string,
  ) {
    super(message);
  }
}
