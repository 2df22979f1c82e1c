import { hash, verify } from '@node-rs/argon2';

// argon2id with the library's defaults (m=19 MiB, t=2, p=1: OWASP's recommended minimum)
export const hashPassword = (password: string) => hash(password);

// Verifying against this when the user does not exist keeps the timing the same (no user enumeration).
const DUMMY = '$argon2id$v=19$m=19456,t=2,p=1$OvlrnnzQVC0O0DPTa3wZBA$2sRXv2geVSw9yQhWQ6k3k8G04IyONxqhbl9LltbPc3k';

export async function verifyPassword(storedHash: string | null | undefined, password: string): Promise<boolean> {
  try {
    return await verify(storedHash ?? DUMMY, password) && !!storedHash;
  } catch {
    return false;
  }
}
