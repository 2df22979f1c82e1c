/** Paths this feature shares with the server's links and with other features' pages. */

/** The rosterImport feature's page: where a new school goes after the first start. */
export const IMPORT_PATH = '/admin/import';

/**
 * The secret of a link (setup, password reset) rides after '#', which browsers never send: it is in no
 * request log. Read once when the page opens.
 */
export function tokenFromHash(): string {
  return typeof window === 'undefined' ? '' : decodeURIComponent(window.location.hash.replace(/^#/, '')).trim();
}
