// The API's own description: GET /openapi.json, and GET /docs, Swagger UI from the swagger-ui-dist
// package served by the gateway itself, so the page works offline and no request leaves for a CDN.
import path from 'node:path';
import express, { Router } from 'express';
import { openApiDocument } from '../openapi/document';

// The package's folder, found through its manifest: its main module would load the whole UI bundle.
const SWAGGER_UI_DIR = path.dirname(require.resolve('swagger-ui-dist/package.json'));

/** Only what the page loads; the package's demo index.html and initializer (petstore) stay unserved. */
const ASSETS = ['swagger-ui.css', 'swagger-ui-bundle.js', 'favicon-32x32.png'];

const PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Saga Reference gateway API</title>
    <link rel="stylesheet" href="/docs/assets/swagger-ui.css" />
    <link rel="icon" type="image/png" href="/docs/assets/favicon-32x32.png" />
  </head>
  <body>
    <div id="swagger-ui"></div>
    <script src="/docs/assets/swagger-ui-bundle.js"></script>
    <script>
      window.ui = SwaggerUIBundle({ url: '/openapi.json', dom_id: '#swagger-ui', deepLinking: true });
    </script>
  </body>
</html>
`;

export function docsRoutes(): Router {
  const router = Router();
  router.get('/openapi.json', (_req, res) => {
    res.json(openApiDocument());
  });
  router.get('/docs', (_req, res) => {
    res.type('html').send(PAGE);
  });
  // Static files are middleware, not API routes: the OpenAPI document leaves them out.
  const assets = express.static(SWAGGER_UI_DIR, { index: false, fallthrough: true });
  router.use('/docs/assets', (req, res, next) =>
    ASSETS.includes(req.path.slice(1)) ? assets(req, res, next) : next(),
  );
  return router;
}
