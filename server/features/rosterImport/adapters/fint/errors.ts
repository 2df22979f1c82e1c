/**
 * What stops a FINT reading as a whole: FINT refused the login, a collection could not be read, an
 * answer was no HAL. A reading that lost a collection half-way would look like a school whose students
 * all left, and the sync ends what is gone from the source — so the adapter throws instead of returning
 * what it has. The message is a server message key (messages.ts) with its parameters; the English
 * `message` is for the job log and never holds a secret, a token or a national identity number.
 */
export type FintErrorKey =
  | 'rosterImport.fint.tokenRejected'
  | 'rosterImport.fint.tokenFailed'
  | 'rosterImport.fint.unauthorized'
  | 'rosterImport.fint.forbidden'
  | 'rosterImport.fint.httpError'
  | 'rosterImport.fint.unreachable'
  | 'rosterImport.fint.badResponse'
  | 'rosterImport.fint.badConfig';

export class FintError extends Error {
  readonly key: FintErrorKey;
  readonly params: Record<string, string | number>;

  constructor(key: FintErrorKey, params: Record<string, string | number>, message: string) {
    super(message);
    this.name = 'FintError';
    this.key = key;
    this.params = params;
  }
}

export const isFintError = (e: unknown): e is FintError => e instanceof FintError;
