// The console's read side: the page (static files from services/gateway/console, no build step), the
// system map, the live stream (Server-Sent Events from the hub), a group's dead letters, and whether
// actions are enabled. Console-internal: left out of the public OpenAPI document (see README).
import path from 'node:path';
import express, { Router } from 'express';
import { z } from 'zod';
import { ConsumerGroups, RecordHeaders, readDeadLetters, type createKafka } from '@saga/shared';
import { HttpProblem } from '../problem';
import type { ConsoleHub } from './hub';
import type { DeadLetterMessage } from './messages';
import { consoleHeaders } from './security';
import { systemMap } from './topology';

type Kafka = ReturnType<typeof createKafka>;

/** The page's files: beside dist/ in the source tree and in the image (the Dockerfile copies them). */
export const CONSOLE_DIR = path.resolve(__dirname, '../../console');

export interface ConsoleRouteDeps {
  hub: ConsoleHub;
  kafka: Kafka;
  actionsEnabled: boolean;
  /** Called when the first client connects, so stats are sampled only while someone watches. */
  onClientsChanged: (count: number) => void;
}

const groups = Object.values(ConsumerGroups) as [string, ...string[]];
const followed = z.uuid().optional();

export function consoleRoutes({ hub, kafka, actionsEnabled, onClientsChanged }: ConsoleRouteDeps): Router {
  const router = Router();
  router.use('/console', consoleHeaders);
  router.get('/console', (req, res, next) => (req.path === '/console' ? res.redirect(301, '/console/') : next()));
  router.use('/console', express.static(CONSOLE_DIR, { index: 'index.html', fallthrough: true, maxAge: 0 }));

  router.get('/console/api/settings', (_req, res) => {
    res.json({ actions: actionsEnabled, groups });
  });

  router.get('/console/api/topology', (_req, res) => {
    res.json(systemMap());
  });

  router.get('/console/api/dead-letters/:group', async (req, res) => {
    const group = z.enum(groups).safeParse(req.params.group);
    if (!group.success) throw new HttpProblem('notFound', `no consumer group ${req.params.group}`);
    const letters = await readDeadLetters(kafka, group.data, 'gateway-console-dlt');
    const body: DeadLetterMessage[] = letters.map(({ offset, key, headers }) => ({
      kind: 'dead-letter',
      group: group.data,
      offset,
      key,
      headers,
      ...(headers[RecordHeaders.eventType] ? { type: headers[RecordHeaders.eventType] } : {}),
      ...(headers[RecordHeaders.correlationId] ? { orderId: headers[RecordHeaders.correlationId] } : {}),
    }));
    res.json({ group: group.data, letters: body });
  });

  router.get('/console/api/stream', (req, res) => {
    const follows = followed.safeParse(req.query.order ?? undefined);
    res.set({ 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', 'X-Accel-Buffering': 'no' });
    res.flushHeaders();
    // Reconnecting browsers wait this long; the stream itself never asks them to.
    res.write('retry: 1000\n\n');
    const remove = hub.add(
      { write: (chunk) => res.write(chunk), end: () => res.end() },
      follows.success ? follows.data : undefined,
    );
    onClientsChanged(hub.size);
    req.on('close', () => {
      remove();
      onClientsChanged(hub.size);
    });
  });

  return router;
}
