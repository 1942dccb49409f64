import type { Metadata } from 'next';
import Link from 'next/link';
import { am } from '@/components/dashboard/admin-messages';
import { listRegions, listTeams } from '@/db/queries/admin';
import { regionTrail, requireAdminPage } from '../lib';

export const metadata: Metadata = { title: am.teams };

export default async function AdminTeamsPage() {
  await requireAdminPage('/dashboard/admin/teams');
  const [teams, regions] = await Promise.all([listTeams(), listRegions()]);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-xl font-bold">{am.teams}</h1>
        <Link href="/dashboard/admin/teams/new" className="min-h-10 rounded bg-red-700 px-4 py-2 text-sm font-medium text-white hover:bg-red-800">
          {am.newTeam}
        </Link>
      </div>
      {teams.length === 0 ? (
        <p className="rounded border border-dashed border-slate-300 bg-white p-6 text-center text-slate-500">{am.noTeams}</p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded border border-slate-200 bg-white" aria-label={am.teams} data-testid="team-rows">
          {teams.map((t) => (
            <li key={t.id} className="space-y-0.5 px-3 py-2.5">
              <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
                <Link href={`/dashboard/admin/teams/${t.id}`} className="min-w-0 font-medium break-words hover:text-red-700">
                  {t.shortName}
                </Link>
                {!t.active && <span className="rounded bg-slate-200 px-1.5 py-0.5 text-xs text-slate-700">{am.disabled}</span>}
                <span className="ml-auto text-xs text-slate-500">{am.memberCount(t.memberCount)}</span>
              </div>
              <p className="text-sm break-words text-slate-700">{t.name}</p>
              <p className="text-xs break-words text-slate-500">{regionTrail(regions, t.regionId)}</p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
