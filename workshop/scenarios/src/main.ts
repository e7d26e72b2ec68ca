// `make demo SCENARIO=<name> [PACE=1]`: one workshop scenario against the running system (native or
// compose, by the same environment as `make test-e2e`); `make demo` alone lists them.
import { loadDemoConfig } from './config';
import { runScenario } from './run-scenario';
import { scenarios } from './scenarios';

async function run(args: string[]): Promise<void> {
  const pace = args.includes('--pace');
  const name = args.find((arg) => !arg.startsWith('--'));
  if (!name) {
    console.log('make demo SCENARIO=<name> [PACE=1]   (PACE waits for Enter between steps)\n');
    for (const scenario of scenarios) console.log(`  ${scenario.name.padEnd(20)} ${scenario.summary}`);
    return;
  }
  const scenario = scenarios.find((candidate) => candidate.name === name);
  if (!scenario) throw new Error(`no scenario "${name}"; run make demo for the list`);
  await runScenario(scenario, loadDemoConfig(), { out: process.stdout, pace });
}

run(process.argv.slice(2)).then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`\n${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
