// How a scenario talks to the room: numbered steps in plain words, what to look at, and claims that are
// checked as they are made. A claim that does not hold stops the scenario with ScenarioFailedError, so
// the narration can never say something the system did not do (the automated tests rely on that).
import { createInterface } from 'node:readline/promises';

export class ScenarioFailedError extends Error {
  readonly retriable = false;
  constructor(claim: string, detail: string) {
    super(`not proven: ${claim} (${detail})`);
    this.name = 'ScenarioFailedError';
  }
}

export interface NarratorOptions {
  out: NodeJS.WritableStream;
  /** Wait for Enter before each step (on stage); ignored without a TTY. */
  pace: boolean;
}

export class Narrator {
  private stepNumber = 0;
  readonly proven: string[] = [];

  constructor(private readonly options: NarratorOptions) {}

  private print(text = ''): void {
    this.options.out.write(`${text}\n`);
  }

  title(name: string, concept: string): void {
    this.print(`\n=== ${name}: ${concept}`);
  }

  async step(title: string, ...explanation: string[]): Promise<void> {
    this.stepNumber += 1;
    if (this.options.pace && process.stdin.isTTY) {
      const prompt = createInterface({ input: process.stdin, output: process.stdout });
      await prompt.question(`\n[Enter] step ${this.stepNumber}: ${title} `);
      prompt.close();
    }
    this.print(`\n${this.stepNumber}. ${title}`);
    for (const line of explanation) this.print(`   ${line}`);
  }

  say(...lines: string[]): void {
    for (const line of lines) this.print(`   ${line}`);
  }

  /** Prints a pre-formatted block (a table, a diagram) as it is. */
  show(block: string): void {
    this.print(block.replace(/^/gm, '   '));
  }

  /** States a claim and checks it at once. */
  claim(claim: string, holds: boolean, detail = 'it did not'): void {
    if (!holds) throw new ScenarioFailedError(claim, detail);
    this.proven.push(claim);
    this.print(`   ✔ ${claim}`);
  }

  summary(): void {
    this.print('\nProven:');
    for (const claim of this.proven) this.print(`  - ${claim}`);
  }
}
