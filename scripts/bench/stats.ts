/** The p-th percentile (nearest rank) of a sample. */
export const pct = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
};
export const median = (xs: number[]) => pct(xs, 50);
export const ms = (n: number) => n.toFixed(n < 10 ? 2 : 1);
