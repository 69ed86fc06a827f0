/**
 * A mistake the user can fix (bad option, missing path, unusable database).
 * The CLI prints its message on one line, without a stack trace, and exits with `exitCode`.
 */
export class UserError extends Error {
  constructor(message: string, readonly exitCode = 2) {
    super(message);
    this.name = 'UserError';
  }
}
