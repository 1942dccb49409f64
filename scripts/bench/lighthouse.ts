/**
 * Lighthouse (mobile, its default simulated throttling) on Debian's Chromium, each page as
 * served and with its scripts blocked (the same HTML and CSS, no JavaScript): the gap is what
 * the scripts cost. Medians of `runs` runs each; font bytes are read off the same runs.
 */
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { median } from './stats';

export interface LighthouseFigure {
  path: string;
  performance: number;
  strippedPerformance: number;
  accessibility: number;
  bestPractices: number;
  seo: number;
  cls: number;
  fontBytes: number;
}

const CHROME_FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

interface Lhr {
  categories: Record<string, { score: number | null }>;
  audits: Record<string, { numericValue?: number; details?: { items?: Array<{ resourceType?: string; transferSize?: number }> } }>;
}

async function once(port: number, url: string, blockScripts: boolean): Promise<Lhr> {
  const result = await lighthouse(url, {
    port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
    ...(blockScripts ? { blockedUrlPatterns: ['*.js'] } : {}),
  });
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  return result.lhr as unknown as Lhr;
}

export async function measureLighthouse(base: string, paths: string[], runs: number, chromePath: string, log: (s: string) => void): Promise<LighthouseFigure[]> {
  const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: CHROME_FLAGS });
  try {
    const figures: LighthouseFigure[] = [];
    for (const path of paths) {
      const normal: Lhr[] = [];
      const stripped: Lhr[] = [];
      // Interleaved, so a slow moment of the machine hits both variants alike.
      for (let i = 0; i < runs; i++) {
        normal.push(await once(chrome.port, base + path, false));
        stripped.push(await once(chrome.port, base + path, true));
      }
      const score = (xs: Lhr[], c: string) => Math.round(median(xs.map((x) => (x.categories[c]?.score ?? 0) * 100)));
      const fonts = (x: Lhr) =>
        (x.audits['network-requests']?.details?.items ?? []).filter((r) => r.resourceType === 'Font').reduce((s, r) => s + (r.transferSize ?? 0), 0);
      const f: LighthouseFigure = {
        path,
        performance: score(normal, 'performance'),
        strippedPerformance: score(stripped, 'performance'),
        accessibility: score(normal, 'accessibility'),
        bestPractices: score(normal, 'best-practices'),
        seo: score(normal, 'seo'),
        cls: median(normal.map((x) => x.audits['cumulative-layout-shift']?.numericValue ?? 0)),
        fontBytes: Math.max(...normal.map(fonts)),
      };
      log(`  lighthouse ${path}: performance ${f.performance} (scripts blocked ${f.strippedPerformance}), a11y ${f.accessibility}, BP ${f.bestPractices}, SEO ${f.seo}, CLS ${f.cls.toFixed(3)}`);
      figures.push(f);
    }
    return figures;
  } finally {
    await chrome.kill();
  }
}
