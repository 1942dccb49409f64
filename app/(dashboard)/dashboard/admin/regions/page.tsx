import type { Metadata } from 'next';
import { am } from '@/components/dashboard/admin-messages';
import { RegionTree } from '@/components/dashboard/admin-region-tree';
import { listRegions } from '@/db/queries/admin';
import { requireAdminPage } from '../lib';
import { createRegionAction, moveRegionAction, renameRegionAction } from './actions';

export const metadata: Metadata = { title: am.regions };

export default async function AdminRegionsPage() {
  await requireAdminPage('/dashboard/admin/regions');
  const regions = await listRegions();
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-bold">{am.regions}</h1>
        <p className="mt-1 text-sm text-slate-600">{am.regionsIntro}</p>
      </div>
      <RegionTree
        regions={regions.map(({ id, parentId, level, name, sort, teamCount }) => ({ id, parentId, level, name, sort, teamCount }))}
        actions={{ create: createRegionAction, rename: renameRegionAction, move: moveRegionAction }}
      />
    </div>
  );
}
