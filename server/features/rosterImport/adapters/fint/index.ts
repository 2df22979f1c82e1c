/** The FINT utdanning adapter: what the import pipeline (sync, nightly job, routes) uses. */
export { readFint } from './readFint.js';
export { fintOptionsFromEnv, type FintOptions, type FintProgress } from './options.js';
export { FintError, isFintError, type FintErrorKey } from './errors.js';
export { fintMessages } from './messages.js';
