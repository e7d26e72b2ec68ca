// GET /orders/{id}/history: the order's event stream from the order service's event store, each event
// with the state after it; ?version=n stops at version n, so `state` is the order as it was then.
import { Router } from 'express';
import { z } from 'zod';
import { authorize, Roles, type TokenVerifier } from '@saga/shared';
import type { OrderHistorySource } from '../order-history';
import { HttpProblem } from '../problem';
import { correlate } from '../request-context';
import { parseBody } from '../validation';
import { historyJson } from './history-representation';
import { maySee } from './orders';

export const historyQuery = z.object({
  version: z.coerce
    .number()
    .int()
    .positive()
    .optional()
    .meta({ description: 'Stop at this version (default: the latest)' }),
});

export function orderHistoryRoutes(source: OrderHistorySource, verifier: TokenVerifier): Router {
  const router = Router();
  router.get(
    '/orders/:id/history',
    authorize<{ id: string }>(verifier, Roles.customer, Roles.operator),
    async (req, res) => {
      correlate(res, req.params.id);
      const { version } = parseBody(historyQuery, req.query);
      const history = await source.history(req.params.id, version);
      // Another customer's order is answered as an unknown one, version or not.
      if (history && !maySee(res.locals.caller, history.state.customerId)) {
        throw new HttpProblem('notFound', `no order ${req.params.id}`);
      }
      if (!history) {
        throw new HttpProblem(
          'notFound',
          version === undefined ? `no order ${req.params.id}` : `order ${req.params.id} has no version ${version}`,
        );
      }
      res.json(historyJson(history));
    },
  );
  return router;
}
