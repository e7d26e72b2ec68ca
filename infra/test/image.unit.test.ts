// Checks the Dockerfile without Docker, for what a real engine taught us (make test-compose runs it for
// real): volumes are mounted on directories the image creates for its non-root user, the final stage
// carries production dependencies only, and the image runs the Node that .nvmrc and engines name.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

const root = join(__dirname, '..', '..');
const read = (file: string): string => readFileSync(join(root, file), 'utf8');

const dockerfile = read('Dockerfile');
const stages = dockerfile.split(/^FROM /m).slice(1);
const runtime = stages[stages.length - 1]!;
const instructions = runtime.split('\n').filter((line) => /^[A-Z]+ /.test(line));
const user = /^USER (\S+)/m.exec(runtime)?.[1];
const compose = parse(read('docker-compose.yml'), { merge: true }) as {
  services: Record<string, { image?: string; build?: unknown; volumes?: string[] }>;
};

describe('the image every Node process runs', () => {
  it('runs as a non-root user', () => {
    expect(user).toBeDefined();
    expect(user).not.toMatch(/^(root|0)(:|$)/);
  });

  it('creates each volume mount point and DATA_DIR and gives them to that user before switching to it', () => {
    // A fresh named volume copies the owner of the directory it is mounted on; a missing one is root's.
    // DATA_DIR too: a service whose DATABASE_URL is unset keeps its SQLite file there.
    const built = Object.values(compose.services).filter((svc) => svc.build !== undefined);
    const mountPoints = [
      ...built.flatMap((svc) => svc.volumes ?? []).map((volume) => volume.split(':')[1]!),
      ...built.flatMap((svc) => {
        const dataDir = (svc as { environment?: Record<string, unknown> }).environment?.DATA_DIR;
        return typeof dataDir === 'string' ? [dataDir] : [];
      }),
    ];
    const userAt = instructions.findIndex((line) => line.startsWith('USER '));
    const preparing = instructions.slice(0, userAt).join('\n');

    expect(mountPoints.length).toBeGreaterThan(0);
    for (const dir of new Set(mountPoints)) {
      expect(preparing).toMatch(new RegExp(`mkdir (-p )?${dir}\\b[^\\n]*chown ${user}(:${user})? ${dir}\\b`));
    }
  });

  it('installs production dependencies from the lock only, and no compiler, in the final stage', () => {
    const prodStage = stages.find((stage) => /npm ci --omit=dev/.test(stage));

    expect(prodStage).toBeDefined();
    expect(runtime).not.toMatch(/npm (ci|install)|apt-get|g\+\+|python3|build-essential/);
    expect(dockerfile).not.toMatch(/npm install/);
  });

  it('is based on the Node that .nvmrc pins and package.json requires', () => {
    const nvmrc = read('.nvmrc').trim();
    const engines = (JSON.parse(read('package.json')) as { engines: { node: string } }).engines.node;

    expect(dockerfile).toMatch(new RegExp(`^ARG NODE_IMAGE=node:${nvmrc.replace(/\./g, '\\.')}-bookworm-slim$`, 'm'));
    expect(engines).toBe(`>=${nvmrc.split('.')[0]}`);
  });

  it('keeps host builds and installs out of the build context', () => {
    const ignored = read('.dockerignore').split('\n');

    expect(ignored).toEqual(expect.arrayContaining(['**/node_modules', '**/dist', 'infra/.stack']));
  });
});
