// The smoke suite that `make test-e2e` and `make test-compose` run against a running stack, run here
// against a private test system, so CI keeps it working between compose runs.
import { startTestSystem, type TestSystem } from '../support/system';
import { describeSmoke } from '../stack/smoke';

let system: TestSystem;

beforeAll(async () => {
  system = await startTestSystem();
}, 180_000);

afterAll(async () => {
  await system?.system.stop();
});

describeSmoke(() => system);
