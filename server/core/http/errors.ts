import type { MessageKey } from '../i18n/messages.js';

export interface FieldError {
  field: string;
  key: MessageKey;
  params?: Record<string, string | number>;
}

/** An error the client caused or may see; turned into problem+json in the user's language. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly key: MessageKey,
    readonly params: Record<string, string | number> = {},
    readonly fields: FieldError[] = [],
  ) {
    super(key);
  }
}

export const notFound = () => new HttpError(404, 'error.notFound');
export const forbidden = () => new HttpError(403, 'error.forbidden');
export const badField = (field: string, key: MessageKey, params?: Record<string, string | number>) =>
  new HttpError(400, 'error.badRequest', {}, [{ field, key, params }]);
