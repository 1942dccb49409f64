import type { Metadata } from 'next';
import { z } from 'zod';
import { am } from '@/components/dashboard/admin-messages';
import { AdminBackLink } from '@/components/dashboard/admin-page-parts';
import { CreateUserForm } from '@/components/dashboard/admin-user-form';
import { requireAdminPage, userFormOptions } from '../../lib';
import { createUserAction } from '../actions';

export const metadata: Metadata = { title: am.newUser };

// 「添加队员」 on a team's page comes here with ?team=<id>.
const querySchema = z.object({ team: z.coerce.number().int().positive().optional().catch(undefined) });

export default async function NewUserPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireAdminPage('/dashboard/admin/users/new');
  const { team } = querySchema.parse(await searchParams);
  const options = await userFormOptions();
  const teamId = team && options.teams.some((t) => t.id === team && t.active) ? team : null;
  return (
    <div className="space-y-4">
      <AdminBackLink href="/dashboard/admin/users" label={am.users} />
      <h1 className="text-xl font-bold">{am.newUser}</h1>
      <CreateUserForm
        initial={{ username: '', displayName: '', phone: '', role: 'contributor', teamId, columnIds: [], regionIds: [] }}
        options={options}
        create={createUserAction}
      />
    </div>
  );
}
