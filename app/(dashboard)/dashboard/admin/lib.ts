import 'server-only';
import { notFound } from 'next/navigation';
import { listColumnsForAdmin, listRegions, teamOptions, type RegionRow } from '@/db/queries/admin';
import { can, type Principal } from '@/domain/permissions';
import { REGION_LEVEL_LABELS } from '@/domain/regions';
import { preorder } from '@/domain/tree';
import { requirePrincipal } from '@/lib/session';

/** Every administration page starts here: signed out → login; signed in but not an admin → 404. */
export async function requireAdminPage(path: string): Promise<Principal> {
  const p = await requirePrincipal(path);
  if (!can(p, 'admin.manage')) notFound();
  return p;
}

/** A numeric id from the URL, or 0 (which matches nothing). */
export const idParam = (raw: string) => (/^\d{1,9}$/.test(raw) ? Number(raw) : 0);

/** Regions as an indented tree for pickers, each with its level (地州, 县 …). */
export const regionTree = (regions: RegionRow[]) =>
  preorder(regions).map(({ row, depth }) => ({ id: row.id, name: row.name, depth, note: REGION_LEVEL_LABELS[row.level] }));

/** "喀什地区 / 疏附县 / 英阿瓦提乡 / 库木巴格村" for a region, from its materialised path. */
export function regionTrail(regions: RegionRow[], id: number): string {
  const byId = new Map(regions.map((r) => [r.id, r]));
  const path = byId.get(id)?.path ?? '';
  return path
    .split('/')
    .filter(Boolean)
    .map((x) => byId.get(Number(x))?.name ?? '')
    .filter(Boolean)
    .join(' / ');
}

/** Teams, and columns and regions as indented trees, for the user form. */
export async function userFormOptions() {
  const [teams, columns, regions] = await Promise.all([teamOptions(), listColumnsForAdmin(), listRegions()]);
  return {
    teams,
    columns: preorder(columns).map(({ row, depth }) => ({ id: row.id, name: row.name, depth })),
    regions: regionTree(regions),
  };
}
