import type { Metadata } from 'next';
import { am } from '@/components/dashboard/admin-messages';
import { AdminBackLink } from '@/components/dashboard/admin-page-parts';
import { TeamForm } from '@/components/dashboard/admin-team-form';
import { listRegions } from '@/db/queries/admin';
import { regionTree, requireAdminPage } from '../../lib';
import { createTeamAction } from '../actions';

export const metadata: Metadata = { title: am.newTeam };

export default async function NewTeamPage() {
  await requireAdminPage('/dashboard/admin/teams/new');
  const regions = await listRegions();
  return (
    <div className="space-y-4">
      <AdminBackLink href="/dashboard/admin/teams" label={am.teams} />
      <h1 className="text-xl font-bold">{am.newTeam}</h1>
      <TeamForm initial={{ name: '', shortName: '', regionId: 0, active: true }} regions={regionTree(regions)} save={createTeamAction} />
    </div>
  );
}
