// Stops the private test stack and removes its folder (kept when KEEP_TEST_STACK=1, for debugging).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export default async function globalTeardown(): Promise<void> {
  const stackDir = process.env.TEST_STACK_DIR;
  if (!stackDir) return;
  const env = JSON.parse(process.env.TEST_STACK_ENV ?? '{}') as NodeJS.ProcessEnv;
  execFileSync('bash', [path.resolve(__dirname, '../../infra/native/stack.sh'), 'down'], { env, stdio: 'inherit' });
  if (process.env.KEEP_TEST_STACK !== '1') fs.rmSync(stackDir, { recursive: true, force: true });
}
