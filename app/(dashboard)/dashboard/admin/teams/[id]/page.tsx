import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { am } from '@/components/dashboard/admin-messages';
import { AdminBackLink } from '@/components/dashboard/admin-page-parts';
import { TeamForm } from '@/components/dashboard/admin-team-form';
import { getTeamForEdit, listRegions } from '@/db/queries/admin';
import { idParam, regionTrail, regionTree, requireAdminPage } from '../../lib';
import { updateTeamAction } from '../actions';

export const metadata: Metadata = { title: am.editTeam };

export default async function EditTeamPage({ params }: { params: Promise<{ id: string }> }) {
  const id = idParam((await params).id);
  await requireAdminPage(`/dashboard/admin/teams/${id || ''}`);
  const [team, regions] = await Promise.all([id ? getTeamForEdit(id) : null, listRegions()]);
  if (!team) notFound();
  return (
    <div className="space-y-4">
      <AdminBackLink href="/dashboard/admin/teams" label={am.teams} />
      <div>
        <h1 className="text-xl font-bold break-words">{team.shortName}</h1>
        <p className="mt-1 text-sm break-words text-slate-600">{regionTrail(regions, team.regionId)}</p>
      </div>
      <div className="grid gap-4 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <TeamForm
          id={team.id}
          initial={{ name: team.name, shortName: team.shortName, regionId: team.regionId, active: team.active }}
          regions={regionTree(regions)}
          publicArticles={team.publicArticles}
          save={updateTeamAction}
        />
        <section aria-labelledby="team-members" className="min-w-0 space-y-2 rounded border border-slate-200 bg-white p-4">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <h2 id="team-members" className="font-semibold">
              {am.members}
            </h2>
            {team.active && (
              <Link href={`/dashboard/admin/users/new?team=${team.id}`} className="text-sm text-red-700 underline">
                {am.addMember}
              </Link>
            )}
          </div>
          {team.members.length === 0 ? (
            <p className="text-sm text-slate-500">{am.noMembers}</p>
          ) : (
            <ul className="divide-y divide-slate-100" data-testid="team-members">
              {team.members.map((m) => (
                <li key={m.id} className="flex flex-wrap items-center gap-2 py-2">
                  <Link href={`/dashboard/admin/users/${m.id}`} className="min-w-0 break-words hover:text-red-700">
                    {m.displayName}
                  </Link>
                  <span className="text-xs break-all text-slate-500">{m.username}</span>
                  {!m.active && <span className="rounded bg-red-100 px-1.5 py-0.5 text-xs text-red-900">{am.disabled}</span>}
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </div>
  );
}
