/**
 * A mistake the user can fix (bad option, missing path, unusable database).
 * The CLI prints its message on one line, without a stack trace, and exits with `exitCode`.
 */
export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
    this.name = 'UserError';
  }
}

/**
 * No entity has the name someone typed. Query modules throw it; the CLI tells it with the names it
 * is close to (cli/entity-names.ts), which only a search of the vocabulary can find.
 */
export class UnknownEntityError extends UserError {
  constructor(
    readonly entityName: string,
    readonly entityType?: string,
    /** What was looked for: `entity`, or `place` for `--place`. */
    readonly noun: 'entity' | 'place' = 'entity',
  ) {
    super(`no ${noun} named '${entityName}'${entityType ? ` of type ${entityType}` : ''}`, 1);
    this.name = 'UnknownEntityError';
  }
}
