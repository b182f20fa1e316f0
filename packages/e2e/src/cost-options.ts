/**
 * Settings of the cost benchmark, from `--name=value` flags or `COST_NAME`
 * environment variables (flags win). A full run with the defaults takes about
 * twenty minutes on a 2-core machine, most of it Lighthouse.
 */
export interface CostOptions {
  /** Autocannon rounds over every URL; each URL keeps its best. */
  rounds: number;
  /** Seconds of load per URL per round. */
  duration: number;
  connections: number;
  /** Chromium visits per URL (medians are printed). */
  browserRuns: number;
  /** Lighthouse audits per URL (0: none); the median by score is printed (one audit's TBT swings by 200 ms here). */
  lighthouseRuns: number;
  /** First port: the apps take the next ones in registry order, the floor the one after them. */
  port: number;
  /** Skip `next build` of the floor when a build is already there (it is still regenerated). */
  reuseFloor: boolean;
}

const DEFAULTS: CostOptions = {
  // This machine's req/s for one URL swings from 60% to 100% of its best between seconds (a shared VM):
  // many short interleaved rounds give every URL several quiet moments, and the best of them is its figure.
  rounds: 8,
  duration: 2,
  connections: 10,
  browserRuns: 3,
  // One audit's score swings by 10-20 points here (TBT from tasks Chromium cannot attribute to the page): median of 5.
  lighthouseRuns: 5,
  port: 3310,
  reuseFloor: false,
};

/** `browserRuns` -> `browser-runs` (flag) and `COST_BROWSER_RUNS` (env). */
const flagName = (key: string) => key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
const envName = (key: string) => `COST_${flagName(key).replace(/-/g, '_').toUpperCase()}`;

export function readCostOptions(argv = process.argv.slice(2), env = process.env): CostOptions {
  const flags = new Map<string, string>();
  for (const arg of argv) {
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!match) throw new Error(`Unknown argument "${arg}": use --name=value (see packages/e2e/src/cost-options.ts).`);
    flags.set(match[1] as string, match[2] ?? 'true');
  }
  const options = { ...DEFAULTS };
  for (const key of Object.keys(DEFAULTS) as (keyof CostOptions)[]) {
    const raw = flags.get(flagName(key)) ?? env[envName(key)];
    flags.delete(flagName(key));
    if (raw === undefined) continue;
    if (typeof DEFAULTS[key] === 'boolean') {
      (options[key] as boolean) = raw === 'true' || raw === '1';
      continue;
    }
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 0) throw new Error(`--${flagName(key)} (${envName(key)}) must be a whole number, got "${raw}".`);
    (options[key] as number) = value;
  }
  if (flags.size > 0) {
    const known = Object.keys(DEFAULTS).map((key) => `--${flagName(key)}`).join(', ');
    throw new Error(`Unknown option ${[...flags.keys()].map((name) => `--${name}`).join(', ')}; known: ${known}.`);
  }
  return options;
}
