/** Receipt codes a team or reader can quote: unambiguous letters and digits (no 0/O, 1/I/L). */
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

export function receiptCode(prefix: string, random: (n: number) => Uint8Array = defaultRandom): string {
  const bytes = random(8);
  let out = '';
  for (const b of bytes) out += ALPHABET[b % ALPHABET.length];
  return `${prefix}${out}`;
}

function defaultRandom(n: number): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(n));
}
