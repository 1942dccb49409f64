/** The region tree: 地州 → 县 → 乡 → 村. */
export const REGION_LEVELS = ['prefecture', 'county', 'township', 'village'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

export const REGION_LEVEL_LABELS: Record<RegionLevel, string> = {
  prefecture: '地州',
  county: '县',
  township: '乡',
  village: '村',
};

/** The level a child of `level` must have, or null for a village (a leaf). */
export function childLevel(level: RegionLevel): RegionLevel | null {
  const i = REGION_LEVELS.indexOf(level);
  return REGION_LEVELS[i + 1] ?? null;
}
