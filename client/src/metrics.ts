// Reading a service's Prometheus text exposition from its ops port (/metrics): the few samples the
// console shows and a scenario checks (breaker states, paused partitions, duplicates, dead letters).
import { requestText } from './http';

export interface Sample {
  labels: Record<string, string>;
  value: number;
}

const LABEL = /(\w+)="((?:[^"\\]|\\.)*)"/g;

/** Every sample of the metric `name` (exactly that name, not `name_bucket` and the like). */
export function samplesOf(text: string, name: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    if (!line.startsWith(name) || (line[name.length] !== '{' && line[name.length] !== ' ')) continue;
    const labelEnd = line.lastIndexOf('}');
    const labelText = line[name.length] === '{' ? line.slice(name.length + 1, labelEnd) : '';
    const value = Number(
      line
        .slice(labelEnd >= 0 ? labelEnd + 1 : name.length)
        .trim()
        .split(' ')[0],
    );
    if (Number.isNaN(value)) continue;
    const labels = Object.fromEntries([...labelText.matchAll(LABEL)].map(([, key, text]) => [key!, text!]));
    samples.push({ labels, value });
  }
  return samples;
}

/** The sum of a metric's samples whose labels include `labels`, read from `<opsUrl>/metrics`. */
export async function metricSum(opsUrl: string, name: string, labels: Record<string, string> = {}): Promise<number> {
  const text = await requestText({ method: 'GET', url: `${opsUrl}/metrics` });
  return samplesOf(text, name)
    .filter((sample) => Object.entries(labels).every(([key, value]) => sample.labels[key] === value))
    .reduce((sum, { value }) => sum + value, 0);
}
