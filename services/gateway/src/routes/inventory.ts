// /inventory: stock levels from the projection of inventory.stock; restocking publishes RestockProduct.
import { Router, type Request, type Response } from 'express';
import type { z } from 'zod';
import { newEnvelope } from '@saga/shared';
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
}

export function inventoryRoutes({ send, readModel }: InventoryRoutesDeps): Router {
  const router = Router();
  const knownProduct = async (sku: string) => {
    const product = await readModel.product(sku);
    if (!product) throw new HttpProblem('notFound', `no product ${sku}`);
    return product;
  };

  router.get('/inventory', async (_req, res) => {
    res.json((await readModel.allProducts()).map(productJson));
  });

  router.get('/inventory/:sku', async (req, res) => {
    res.json(productJson(await knownProduct(req.params.sku)));
  });

  router.post('/inventory/:sku/restock', jsonBody, async (req: Request<{ sku: string }>, res: Response) => {
    const { quantity } = parseBody(restockBody, req.body);
    const { sku } = await knownProduct(req.params.sku);
    const envelope = newEnvelope(SERVICE, { correlationId: sku, causationId: res.locals.requestId });
    await send({ type: 'RestockProduct', key: sku, value: { envelope, sku, quantity } }, correlate(res, sku));
    const body: z.infer<typeof restockAcceptedView> = { sku, quantity, status: 'RESTOCK_REQUESTED' };
    res.status(202).json(body);
  });

  return router;
}
