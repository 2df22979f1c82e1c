/**
 * The server's own password rule (server/core/auth/passwordStrength.shared.ts) run while the person
 * types, so they learn what is wrong before they send it, and a half-typed password never leaves the
 * browser. The server checks again with the same module; its refusal is shown at the field all the same.
 *
 * zxcvbn and its word lists are a few hundred kilobytes: the rule is imported only when a password
 * field is in use, and lands in its own chunk.
 */
import type * as Rule from '@server/core/auth/passwordStrength.shared';

export type { Strength, WeakReason } from '@server/core/auth/passwordStrength.shared';

/**
 * The hint shows the minimum before the rule has loaded. The type is the rule's own literal, so a change
 * of the minimum there fails the typecheck here rather than drifting.
 */
export const PASSWORD_MIN_LENGTH: typeof Rule.PASSWORD_MIN_LENGTH = 10;

let loading: Promise<typeof Rule> | null = null;

function rule(): Promise<typeof Rule> {
  loading ??= import('@server/core/auth/passwordStrength.shared');
  return loading;
}

/** Starts fetching the word lists before the first keystroke needs them. */
export function preloadStrength(): void {
  void rule().catch(() => undefined);
}

/** How strong `password` looks, and why not when it falls short of the rule. */
export async function estimateStrength(password: string, personal: readonly string[]): Promise<Rule.Strength> {
  return (await rule()).estimateStrength(password, personal);
}
