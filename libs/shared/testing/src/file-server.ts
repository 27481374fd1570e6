import type { DataSource } from 'typeorm';
import { afterAll, beforeAll } from 'vitest';
import type { TestServer } from './server';

export interface FileServer {
  server: TestServer;
  ds: DataSource;
}

/**
 * The one server a spec file's tests share: `start` (a lib's start helper) runs before the first test and the
 * server closes after the last. The fields are filled by then, so tests read them as `suite.ds` — at the top
 * of the file they are not there yet. `start` may return more than the server (the fixtures every test uses).
 */
export function serverForFile<T extends FileServer>(start: () => Promise<T>): T {
  const suite = {} as T;
  beforeAll(async () => {
    Object.assign(suite, await start());
  });
  afterAll(() => suite.server?.close());
  return suite;
}
