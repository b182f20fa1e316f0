/**
 * Lighthouse's audit (default mobile preset: simulated slow 4G and a 4x slower
 * CPU) of one URL: performance with its metrics, and the accessibility, best
 * practices and SEO scores with the audits that cost points, in one Chromium that chrome-launcher starts and
 * every audit reuses. Each audit loads the page with an empty cache.
 */
import { existsSync } from 'node:fs';
import { launch, type LaunchedChrome } from 'chrome-launcher';

export interface LighthouseResult {
  /** 0-100. */
  score: number | null;
  fcpMs: number | null;
  lcpMs: number | null;
  tbtMs: number | null;
  cls: number | null;
  /** 0-100 each. */
  accessibility: number | null;
  bestPractices: number | null;
  seo: number | null;
  /** Audits of those three categories that did not pass, as `category/audit`. */
  findings: string[];
}

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

interface Audit {
  numericValue?: number;
  score?: number | null;
}

interface Category {
  score: number | null;
  auditRefs?: { id: string; weight: number }[];
}

interface RunnerResult {
  lhr: {
    categories: Partial<Record<(typeof CATEGORIES)[number], Category>>;
    audits: Record<string, Audit | undefined>;
    runtimeError?: { code: string; message: string };
  };
}

type Lighthouse = (url: string, flags: Record<string, unknown>) => Promise<RunnerResult | undefined>;

const DEBIAN_CHROMIUM = '/usr/bin/chromium';

export class LighthouseRunner {
  private constructor(
    private readonly chrome: LaunchedChrome,
    private readonly lighthouse: Lighthouse,
  ) {}

  static async start(): Promise<LighthouseRunner> {
    const { default: lighthouse } = (await import('lighthouse')) as unknown as { default: Lighthouse };
    const chrome = await launch({
      chromePath: existsSync(DEBIAN_CHROMIUM) ? DEBIAN_CHROMIUM : undefined,
      chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic'],
      logLevel: 'silent',
    });
    return new LighthouseRunner(chrome, lighthouse);
  }

  /** Audits `url`; a run whose trace Lighthouse could not record (NO_NAVSTART and the like, seen here) is retried. */
  async audit(url: string, attempts = 3): Promise<LighthouseResult> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.auditOnce(url);
      } catch (error) {
        if (attempt >= attempts) throw error;
        console.warn(`[lighthouse] ${(error as Error).message}: trying again`);
      }
    }
  }

  private async auditOnce(url: string): Promise<LighthouseResult> {
    const result = await this.lighthouse(url, {
      port: this.chrome.port,
      onlyCategories: [...CATEGORIES],
      output: 'json',
      logLevel: 'error',
    });
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    const { lhr } = result;
    if (lhr.runtimeError) throw new Error(`Lighthouse on ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    const value = (id: string) => lhr.audits[id]?.numericValue ?? null;
    const score = (category: (typeof CATEGORIES)[number]) => {
      const raw = lhr.categories[category]?.score;
      return raw === null || raw === undefined ? null : Math.round(raw * 100);
    };
    const findings = CATEGORIES.filter((category) => category !== 'performance').flatMap((category) =>
      (lhr.categories[category]?.auditRefs ?? [])
        .filter((ref) => ref.weight > 0 && typeof lhr.audits[ref.id]?.score === 'number' && (lhr.audits[ref.id]?.score ?? 1) < 1)
        .map((ref) => `${category}/${ref.id}`),
    );
    return {
      score: score('performance'),
      accessibility: score('accessibility'),
      bestPractices: score('best-practices'),
      seo: score('seo'),
      findings,
      fcpMs: value('first-contentful-paint'),
      lcpMs: value('largest-contentful-paint'),
      tbtMs: value('total-blocking-time'),
      cls: value('cumulative-layout-shift'),
    };
  }

  async stop(): Promise<void> {
    this.chrome.kill();
  }
}
