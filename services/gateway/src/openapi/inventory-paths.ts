// /inventory in the OpenAPI document: stock levels from the read model, and restocking.
import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { productView, restockAcceptedView } from '../routes/representations';
import { restockBody } from '../validation';
import { problemResponses } from './problems';
import { requires } from './security';

const skuParams = z.object({ sku: z.string().meta({ description: 'A product sku', example: 'SKU-001' }) });

export function registerInventoryPaths(registry: OpenAPIRegistry): void {
  registry.registerPath({
    method: 'get',
    path: '/inventory',
    tags: ['inventory'],
    operationId: 'listProducts',
    ...requires('customer', 'operator'),
    summary: 'Every product with its stock level',
    responses: {
      200: { description: 'The products', content: { 'application/json': { schema: z.array(productView) } } },
      ...problemResponses('/inventory', 'unauthorized', 'forbidden'),
    },
  });

  registry.registerPath({
    method: 'get',
    path: '/inventory/{sku}',
    tags: ['inventory'],
    operationId: 'getProduct',
    ...requires('customer', 'operator'),
    summary: "A product's stock level",
    request: { params: skuParams },
    responses: {
      200: { description: 'The product', content: { 'application/json': { schema: productView } } },
      ...problemResponses('/inventory/SKU-001', 'unauthorized', 'forbidden', 'notFound'),
    },
  });

  registry.registerPath({
    method: 'post',
    path: '/inventory/{sku}/restock',
    tags: ['inventory'],
    operationId: 'restockProduct',
    ...requires('operator'),
    summary: 'Add stock to a known product',
    description: 'Publishes RestockProduct to inventory.commands; the new level appears once inventory applied it.',
    request: {
      params: skuParams,
      body: { required: true, content: { 'application/json': { schema: restockBody, example: { quantity: 10 } } } },
    },
    responses: {
      202: {
        description: 'Accepted',
        content: {
          'application/json': {
            schema: restockAcceptedView,
            example: { sku: 'SKU-001', quantity: 10, status: 'RESTOCK_REQUESTED' },
          },
        },
      },
      ...problemResponses(
        '/inventory/SKU-001/restock',
        'validation',
        'unauthorized',
        'forbidden',
        'malformedJson',
        'notFound',
        'tooLarge',
        'unsupportedMediaType',
        'unavailable',
      ),
    },
  });
}
