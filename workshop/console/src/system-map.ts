// The system map the console draws, derived from shared/src/topology.ts and the schema catalog, so the
// page can never show an edge the services do not have: service -> topic for every type it writes,
// topic -> service for every type its group reads. The gateway's read-model edges (it reads every topic)
// are left out of the drawing: they would cross every other line and teach nothing about the saga.
import { Applications, TopicSpecs, deadLetterTopic, type EventType, type SchemaCatalog } from '@saga/shared';

export interface MapEdge {
  from: string;
  to: string;
  /** The event types that travel along it. */
  types: string[];
}

export interface SystemMap {
  services: { id: string; label: string; group: string; deadLetterTopic: string }[];
  topics: { id: string; deadLetters: boolean }[];
  edges: MapEdge[];
}

/** Drawn once at start: the catalog is read from disk, and the map cannot change while the console runs. */
export function systemMap(catalog: SchemaCatalog): SystemMap {
  const topicOf = (type: EventType) => catalog.latest.get(type)?.topic ?? '?';
  const edges = new Map<string, MapEdge>();
  const add = (from: string, to: string, type: string) => {
    const edge = edges.get(`${from}>${to}`) ?? { from, to, types: [] };
    if (!edge.types.includes(type)) edge.types.push(type);
    edges.set(`${from}>${to}`, edge);
  };
  const apps = Object.values(Applications);
  for (const app of apps) {
    for (const type of app.produces) add(app.service, topicOf(type), type);
    if (app.service === Applications.gateway.service) continue;
    for (const type of app.consumes) add(topicOf(type), app.service, type);
  }
  return {
    services: apps.map((app) => ({
      id: app.service,
      label: app.service.replace(/-service$/, ''),
      group: app.groupId,
      deadLetterTopic: deadLetterTopic(app.groupId),
    })),
    topics: TopicSpecs.map((spec) => ({ id: spec.name, deadLetters: spec.name.endsWith('.dlt') })),
    edges: [...edges.values()],
  };
}
