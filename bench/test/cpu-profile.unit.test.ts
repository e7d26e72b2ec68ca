import { packageOf, processOf, summarizeProfile, type CpuProfile } from '../src/cpu-profile';

const frame = (id: number, functionName: string, url = '', lineNumber = 0) => ({
  id,
  callFrame: { functionName, url, lineNumber },
});

const profile: CpuProfile = {
  nodes: [
    frame(1, '(root)'),
    frame(2, '(idle)'),
    frame(3, 'wrapSafe', 'node:internal/modules/cjs/loader', 10),
    frame(4, 'exec', 'file:///app/node_modules/better-sqlite3/lib/methods/wrappers.js', 6),
    frame(5, 'onPlaceOrder', 'file:///app/services/order/dist/handlers/PlaceOrder.js', 2),
    frame(6, '(main)', 'file:///app/services/order/dist/main.js', 0),
  ],
  // start-up (skipped), then idle, then two kinds of work
  samples: [3, 3, 2, 4, 4, 5, 2],
  timeDeltas: [500_000, 500_000, 1_000, 2_000, 2_000, 1_000, 1_000],
};

describe('a CPU profile summary', () => {
  it('counts busy self time per function and package after start-up, leaving idle out', () => {
    const summary = summarizeProfile(profile, 1000);

    expect(summary.busyMs).toBe(5);
    expect(summary.functions[0]).toEqual({ name: 'exec better-sqlite3/lib/methods/wrappers.js:7', ms: 4 });
    expect(summary.packages).toEqual([
      { name: 'better-sqlite3', ms: 4 },
      { name: 'services/order', ms: 1 },
    ]);
  });

  it('names the process by the entry script it ran', () => {
    expect(processOf(profile)).toBe('order');
    const entry = (url: string) => processOf({ nodes: [frame(1, '(main)', url)], samples: [], timeDeltas: [] });
    expect(entry('file:///app/providers/dist/carrier-app.js')).toBe('carrier');
    expect(entry('file:///app/workshop/console/dist/main.js')).toBe('console');
    expect(entry('file:///app/infra/dist/launcher/main.js')).toBe('launcher');
    expect(entry('file:///app/bench/dist/relay-stage.js')).toBeUndefined();
    expect(packageOf('file:///x/node_modules/@kafkajs/confluent-schema-registry/dist/index.js')).toBe(
      '@kafkajs/confluent-schema-registry',
    );
    expect(packageOf('file:///app/workshop/console/dist/stats.js')).toBe('workshop/console');
  });
});
