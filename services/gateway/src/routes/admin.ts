// POST /admin/read-model/rebuild: the operator's explicit "re-project the topics now" on a running
// gateway. Safe because the read model holds nothing the topics do not (it is their projection); what
// it costs is availability: /ready is 503 and reads can 404 until the projection has caught up again.
import { Router } from 'express';
import { z } from 'zod';
import { authorize, Roles, type TokenVerifier } from '@saga/shared';

export interface ReadModelRebuilder {
  rebuild(): Promise<void>;
}

export const rebuildAcceptedView = z
  .object({ status: z.literal('REBUILDING') })
  .meta({ id: 'RebuildAccepted', description: 'The read model was emptied and is being projected again.' });

export function adminRoutes(rebuilder: ReadModelRebuilder, verifier: TokenVerifier): Router {
  const router = Router();
  router.post('/admin/read-model/rebuild', authorize(verifier, Roles.operator), async (_req, res) => {
    await rebuilder.rebuild();
    const body: z.infer<typeof rebuildAcceptedView> = { status: 'REBUILDING' };
    res.status(202).location('/ready').json(body);
  });
  return router;
}
