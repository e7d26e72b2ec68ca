// The workshop console is its own process now (workshop/console, CONSOLE_URL): /console and everything
// under it redirect there, path and query kept, so links in old notes keep working. 307, not 301: the
// console's address is a setting, and a browser would remember a permanent redirect past a change of it.
import type { RequestHandler } from 'express';

/** Mounted at /console: `req.url` is what follows it (`/`, `/api/stream?order=…`). */
export const consoleRedirect =
  (consoleUrl: string): RequestHandler =>
  (req, res) => {
    res.redirect(307, `${consoleUrl}${req.url}`);
  };
