// Errors meant for the user: the message says what and where; no stack trace is shown.

export class UserError extends Error {
  override name = 'UserError';
  constructor(message: string) {
    super(message);
    this.stack = message;
  }
}

/** "permission denied (EACCES)" from Node's "EACCES: permission denied, open '/x/y'". */
export function ioReason(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  const text = String(e?.message ?? err)
    .replace(/^[A-Z]+: /, '')
    .replace(/, \w+( '.*')?$/, '');
  return e?.code ? `${text} (${e.code})` : text;
}

/** A file that exists but cannot be read, as a UserError naming it. */
export const readFailure = (file: string, err: unknown) =>
  new UserError(`${file}: cannot read it: ${ioReason(err)}`);

export const isMissing = (err: unknown) => (err as NodeJS.ErrnoException)?.code === 'ENOENT';
