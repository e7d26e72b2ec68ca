// Reads the few samples the console needs out of a service's Prometheus text exposition (/metrics).

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
