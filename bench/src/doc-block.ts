// Generated tables live in hand-written docs between a pair of markers (`<!-- bench:start -->` …
// `<!-- bench:end -->`): each run replaces what is between them and leaves the prose around them alone.
import fs from 'node:fs';

export function writeDocBlock(file: string, block: string, markdown: string): void {
  const start = `<!-- ${block}:start -->`;
  const end = `<!-- ${block}:end -->`;
  const text = fs.readFileSync(file, 'utf8');
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) throw new Error(`${file} has no ${start} … ${end} block`);
  fs.writeFileSync(file, `${text.slice(0, from + start.length)}\n\n${markdown}\n${text.slice(to)}`);
}
