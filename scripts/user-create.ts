/**
 * `npm run user:create -- --username NAME --name 显示名 [--role admin] [--phone 138…]`
 * Creates a user (the first admin of a real deployment). The password is read from the
 * terminal, or from standard input when piped (`echo "$PW" | npm run user:create -- …`).
 */
import readline from 'node:readline';
import { z } from 'zod';
import { closeDb, getDb } from '@/db';
import { users } from '@/db/schema';
import { ROLES } from '@/domain/roles';
import { hashPassword } from '@/lib/password';

const argv = process.argv.slice(2);
const arg = (name: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};

const input = z.object({
  username: z.string().regex(/^[a-zA-Z0-9_.-]{3,32}$/, 'username: 3–32 letters, digits, _ . -'),
  displayName: z.string().trim().min(1, '--name is required').max(50),
  role: z.enum(ROLES),
  phone: z.string().regex(/^1\d{10}$/, 'phone: an 11-digit mobile number').optional(),
  password: z.string().min(10, 'password: at least 10 characters').max(200),
});

async function readPassword(): Promise<string> {
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
  const answer = await new Promise<string>((resolve) => rl.question(process.stdin.isTTY ? 'Password: ' : '', resolve));
  rl.close();
  return answer.trim();
}

async function main() {
  const parsed = input.safeParse({
    username: arg('username'),
    displayName: arg('name'),
    role: arg('role') ?? 'admin',
    phone: arg('phone'),
    password: await readPassword(),
  });
  if (!parsed.success) {
    console.error(parsed.error.issues.map((i) => i.message).join('\n'));
    process.exitCode = 1;
    return;
  }
  const { password, ...rest } = parsed.data;
  const db = await getDb();
  const [row] = await db
    .insert(users)
    .values({ ...rest, passwordHash: await hashPassword(password) })
    .onConflictDoNothing()
    .returning({ id: users.id });
  if (!row) {
    console.error(`A user named ${rest.username} (or with that phone) already exists.`);
    process.exitCode = 1;
    return;
  }
  console.log(`Created ${rest.role} ${rest.username} (id ${row.id}).`);
}

main()
  .catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exitCode = 1;
  })
  .finally(() => closeDb());
