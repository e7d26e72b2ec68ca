// The schema registry as a scenario shows it: a subject's versions and compatibility rule, read through
// the Confluent REST API (Apicurio's ccompat layer natively, Confluent's registry in compose).
import { UnexpectedStatusError } from '@saga/shared';
import type { DemoConfig } from './config';

export class RegistryView {
  constructor(private readonly config: DemoConfig) {}

  private async get<T>(path: string): Promise<T> {
    const response = await fetch(`${this.config.registryUrl}${path}`);
    const text = await response.text();
    if (!response.ok) throw new UnexpectedStatusError(`GET ${this.config.registryUrl}${path}`, response.status, text);
    return JSON.parse(text) as T;
  }

  /** The version numbers registered under `subject`, oldest first. */
  versions = (subject: string) => this.get<number[]>(`/subjects/${encodeURIComponent(subject)}/versions`);

  /** The schema id the registry gave one version of `subject`. */
  async idOf(subject: string, version: number): Promise<number> {
    return (await this.get<{ id: number }>(`/subjects/${encodeURIComponent(subject)}/versions/${version}`)).id;
  }

  async compatibility(subject: string): Promise<string> {
    const config = await this.get<{ compatibilityLevel?: string; compatibility?: string }>(
      `/config/${encodeURIComponent(subject)}`,
    );
    return config.compatibilityLevel ?? config.compatibility ?? 'unknown';
  }
}
