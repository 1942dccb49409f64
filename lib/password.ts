import { randomInt } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

// argon2id with the library's defaults (19 MiB, 2 passes), as OWASP recommends.
export const hashPassword = (plain: string) => hash(plain);
export const verifyPassword = (stored: string, plain: string) => verify(stored, plain).catch(() => false);

// No 0/O, 1/l/I: the admin reads it out or writes it down for the person.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A temporary password such as "k7Pq-Xm3d-R9tw-bH4e" (about 90 bits), shown to the admin once. */
export function generatePassword(): string {
  const groups = Array.from({ length: 4 }, () => Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join(''));
  return groups.join('-');
}
