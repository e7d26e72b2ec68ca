// Reading a service's Prometheus text exposition from its ops port (/metrics): the few samples the
// console shows and a scenario checks (breaker states, paused partitions, duplicates, dead letters).
import { requestText } from './http';
import { instanceUrls } from './instances';

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

/** The sum of the samples whose labels include `labels`. */
export function sumOf(samples: readonly Sample[], labels: Record<string, string> = {}): number {
  return samples
    .filter((sample) => Object.entries(labels).every(([key, value]) => sample.labels[key] === value))
    .reduce((sum, { value }) => sum + value, 0);
}

/** One instance's figure: the instance's ops URL and its sum of a metric's samples. */
export interface InstanceValue {
  instance: string;
  value: number;
}

/**
 * A metric's samples whose labels include `labels`, summed per instance of a service, in instanceUrls'
 * order: for a gauge whose sum means nothing across instances (a breaker's state is each instance's own).
 * An instance that does not answer fails the read rather than leave its share out.
 */
export async function metricByInstance(
  opsUrls: string | readonly string[],
  name: string,
  labels: Record<string, string> = {},
): Promise<InstanceValue[]> {
  const instances = await instanceUrls(opsUrls);
  return Promise.all(
    instances.map(async (instance) => {
      const text = await requestText({ method: 'GET', url: `${instance}/metrics` });
      return { instance, value: sumOf(samplesOf(text, name), labels) };
    }),
  );
}

/**
 * The sum of a metric's samples whose labels include `labels` over every instance of a service: each
 * instance counts only what it handled. One that does not answer fails the read, since a total missing an
 * instance's share would fool a "before, after" check.
 */
export async function metricSum(
  opsUrls: string | readonly string[],
  name: string,
  labels: Record<string, string> = {},
): Promise<number> {
  const values = await metricByInstance(opsUrls, name, labels);
  return values.reduce((sum, { value }) => sum + value, 0);
}
