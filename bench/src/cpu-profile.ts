// Where a process spends its CPU, from a V8 .cpuprofile (node --cpu-prof): self time per function and
// per package, leaving out the first seconds (module loading at start-up is not the saga's cost).
export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSummary {
  /** Sampled time on the CPU (not idle) after the skipped start-up, ms. */
  busyMs: number;
  functions: { name: string; ms: number }[];
  packages: { name: string; ms: number }[];
}

const IDLE = '(idle)';

/** node_modules/<pkg> (or @scope/pkg), node: internals, or the project's own top two folders. */
export function packageOf(url: string): string {
  if (!url) return '(native)';
  const modules = url.lastIndexOf('node_modules/');
  if (modules >= 0) {
    const [first = '', second = ''] = url.slice(modules + 'node_modules/'.length).split('/');
    return first.startsWith('@') ? `${first}/${second}` : first;
  }
  if (url.startsWith('node:')) return 'node (built-in)';
  const project = /\/(services\/[^/]+|workshop\/[^/]+|shared|infra|providers)\//.exec(url);
  return project?.[1] ?? url;
}

function where(url: string, line: number): string {
  const modules = url.lastIndexOf('node_modules/');
  const short =
    modules >= 0
      ? url.slice(modules + 'node_modules/'.length)
      : url.replace(/^.*\/(services|workshop|shared|infra|providers)\//, '$1/');
  return short ? `${short}:${line + 1}` : 'native';
}

export function summarizeProfile(profile: CpuProfile, skipMs: number, top = 10): ProfileSummary {
  const frames = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const byFunction = new Map<string, number>();
  const byPackage = new Map<string, number>();
  let elapsedUs = 0;
  let busyUs = 0;
  profile.samples.forEach((id, index) => {
    const deltaUs = profile.timeDeltas[index] ?? 0;
    elapsedUs += deltaUs;
    const frame = frames.get(id);
    if (elapsedUs <= skipMs * 1000 || !frame || frame.functionName === IDLE) return;
    busyUs += deltaUs;
    const isVm = frame.functionName.startsWith('(') && !frame.url;
    const name = isVm
      ? frame.functionName
      : `${frame.functionName || '(anonymous)'} ${where(frame.url, frame.lineNumber)}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + deltaUs);
    const pkg = isVm ? frame.functionName : packageOf(frame.url);
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + deltaUs);
  });
  const ranked = (totals: Map<string, number>) =>
    [...totals]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, us]) => ({ name, ms: Math.round(us / 1000) }));
  return { busyMs: Math.round(busyUs / 1000), functions: ranked(byFunction), packages: ranked(byPackage) };
}

/** Which process wrote a profile: the entry script it ran, found among its call frames' files. */
export function processOf(profile: CpuProfile): string | undefined {
  for (const { callFrame } of profile.nodes) {
    const service = /\/services\/([a-z]+)\/dist\/main\.js$/.exec(callFrame.url);
    if (service) return service[1];
    const provider = /\/providers\/(?:dist\/)?(payment|carrier)-app\.js$/.exec(callFrame.url);
    if (provider) return provider[1] === 'payment' ? 'payment-provider' : 'carrier';
    if (/\/workshop\/console\/dist\/main\.js$/.test(callFrame.url)) return 'console';
    if (/\/infra\/dist\/launcher\/main\.js$/.test(callFrame.url)) return 'launcher';
  }
  return undefined;
}
