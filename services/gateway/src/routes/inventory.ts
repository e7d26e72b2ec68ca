// /inventory: stock levels from the projection of inventory.stock; restocking publishes RestockProduct.
// Any signed-in caller reads stock (a customer choosing what to order); only operators restock.
import { Router, type Request, type Response } from 'express';
import type { z } from 'zod';
import { authorize, newEnvelope, Roles, type TokenVerifier } from '@saga/shared';
import { SERVICE } from '../config';
import { HttpProblem } from '../problem';
import type { ReadModel } from '../projection/read-model';
import { correlate } from '../request-context';
import { parseBody, restockBody } from '../validation';
import { jsonBody } from './json-body';
import type { SendCommand } from './publish';
import { productJson, restockAcceptedView } from './representations';

export interface InventoryRoutesDeps {
  send: SendCommand;
  readModel: ReadModel;
  verifier: TokenVerifier;
}

export function inventoryRoutes({ send, readModel, verifier }: InventoryRoutesDeps): Router {
  const router = Router();
  const reader = authorize<{ sku: string }>(verifier, Roles.customer, Roles.operator);
  const knownProduct = async (sku: string) => {
    const product = await readModel.product(sku);
    if (!product) throw new HttpProblem('notFound', `no product ${sku}`);
    return product;
  };

  router.get('/inventory', reader, async (_req, res) => {
    res.json((await readModel.allProducts()).map(productJson));
  });

  router.get('/inventory/:sku', reader, async (req, res) => {
    res.json(productJson(await knownProduct(req.params.sku)));
  });

  router.post(
    '/inventory/:sku/restock',
    authorize(verifier, Roles.operator),
    jsonBody,
    async (req: Request<{ sku: string }>, res: Response) => {
      const { quantity } = parseBody(restockBody, req.body);
      const { sku } = await knownProduct(req.params.sku);
      const envelope = newEnvelope(SERVICE, { correlationId: sku, causationId: res.locals.requestId });
      await send({ type: 'RestockProduct', key: sku, value: { envelope, sku, quantity } }, correlate(res, sku));
      const body: z.infer<typeof restockAcceptedView> = { sku, quantity, status: 'RESTOCK_REQUESTED' };
      res.status(202).json(body);
    },
  );

  return router;
}
