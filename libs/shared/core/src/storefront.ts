import type { INestApplication } from '@nestjs/common';
import express, { type NextFunction, type Request, type Response } from 'express';
import { readFile } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import { isClientRoute } from './client-routes';

/** Paths the API answers itself; the storefront's index.html never stands in for them. */
export const API_PREFIXES = ['/graphql', '/health', '/metrics', '/webhooks', '/counters', '/api', '/files'];

/** Vite puts every content-hashed file under assets/: a new build gets new names, so they never change. */
const HASHED_DIR = 'assets';
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** The entry page names the current hashed bundles: browsers must ask again every time (a 304 is cheap). */
const REVALIDATE = 'no-cache';

/**
 * Serves the built storefront: hashed assets cached for a year as immutable, index.html (and the
 * client-side routes it answers) revalidated on every load, other files (favicon …) for an hour. A
 * missing hashed asset is a 404, not the index page: a stale tab asking for last release's bundle
 * must fail visibly rather than run HTML as JavaScript.
 */
export function serveStorefront(app: INestApplication, root: string): void {
  const dir = resolve(root);
  const index = join(dir, 'index.html');
  app.use(
    express.static(dir, {
      index: false,
      setHeaders(res, path) {
        if (path === index) res.setHeader('cache-control', REVALIDATE);
        else if (path.startsWith(join(dir, HASHED_DIR) + sep)) res.setHeader('cache-control', IMMUTABLE);
        else res.setHeader('cache-control', 'public, max-age=3600');
      },
    }),
  );
  app.use(`/${HASHED_DIR}`, (_req: Request, res: Response) => {
    res.status(404).json({
      error: { code: 'NOT_FOUND', message: 'No such asset (the storefront may have been updated: reload the page)' },
    });
  });
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (
      (req.method !== 'GET' && req.method !== 'HEAD') ||
      API_PREFIXES.some((p) => req.path.startsWith(p)) ||
      !req.accepts('html')
    )
      return next();
    if (isClientRoute(req.path)) return res.sendFile(index, { headers: { 'cache-control': REVALIDATE } });
    // A path no page answers still gets the SPA (it shows its not-found page), but with status 404, so
    // crawlers, monitors and link checkers see a missing page as missing. Sent as a body, not with
    // sendFile, whose conditional-GET handling would turn a revalidation into a 304 of a 404.
    readFile(index)
      .then((html) => res.status(404).type('html').setHeader('cache-control', REVALIDATE).send(html))
      .catch(next);
  });
}
