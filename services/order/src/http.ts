// The order service's one query, beside /health, /ready and /metrics on its ops port: an order's event
// stream with the state after each event (the CQRS query side, read-only). The gateway serves it as
// GET /orders/{id}/history; the services themselves still talk only through Kafka.
import type { OpsApp } from '@saga/shared';
import { historyOf } from './history';
import type { OrderStore } from './store';

export const historyRoutes =
  (store: OrderStore) =>
  (app: OpsApp): void => {
    app.get('/orders/:id/history', async (req, res) => {
      const stream = await store.load(req.params.id);
      const version = req.query.version === undefined ? stream.version : Number(req.query.version);
      if (!Number.isInteger(version)) {
        res.status(400).json({ detail: 'version must be an integer' });
        return;
      }
      const history = stream.version === 0 ? undefined : historyOf(stream, version);
      if (!history) {
        const detail =
          stream.version === 0
            ? `no order ${stream.orderId}`
            : `order ${stream.orderId} has versions 1 to ${stream.version}`;
        res.status(404).json({ detail });
        return;
      }
      res.json(history);
    });
  };
