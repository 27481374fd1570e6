// Order documents (invoice, inspection report) travel as raw bytes over REST, not GraphQL:
// POST /files/orders/:orderId/documents answers { id, fileKey, … }; downloads need the bearer token.
import { CLIENT_CODES, RequestError } from '../lib/graphql';
import { api } from './client';

export interface UploadedDocument {
  id: string;
  fileKey: string;
  contentType: string;
  sizeBytes: number;
  url: string;
}

async function errorOf(res: Response): Promise<RequestError> {
  let body: { error?: { code?: unknown; message?: unknown } } | null = null;
  try {
    body = await res.json();
  } catch {
    /* not JSON */
  }
  const code =
    typeof body?.error?.code === 'string'
      ? body.error.code
      : res.status >= 502
        ? CLIENT_CODES.NETWORK
        : CLIENT_CODES.UNKNOWN;
  return new RequestError(code, typeof body?.error?.message === 'string' ? body.error.message : `HTTP ${res.status}`);
}

function authHeaders(): Record<string, string> {
  const token = api.tokens.get();
  return token ? { authorization: `Bearer ${token}` } : {};
}

export async function uploadOrderDocument(
  orderId: string,
  file: File,
  doFetch: typeof fetch = (i, init) => globalThis.fetch(i, init),
): Promise<UploadedDocument> {
  let res: Response;
  try {
    res = await doFetch(`/files/orders/${encodeURIComponent(orderId)}/documents`, {
      method: 'POST',
      headers: {
        ...authHeaders(),
        'content-type': file.type,
        'x-file-name': encodeURIComponent(file.name),
        accept: 'application/json',
      },
      body: file,
    });
  } catch (e) {
    throw new RequestError(CLIENT_CODES.NETWORK, e instanceof Error ? e.message : String(e));
  }
  if (!res.ok) throw await errorOf(res);
  return (await res.json()) as UploadedDocument;
}

/** The document's bytes as a Blob (the route wants the bearer token, so a plain link cannot fetch it). */
export async function downloadOrderDocument(url: string, contentType: string): Promise<Blob> {
  let res: Response;
  try {
    res = await fetch(url, { headers: { ...authHeaders(), accept: contentType } });
  } catch (e) {
    throw new RequestError(CLIENT_CODES.NETWORK, e instanceof Error ? e.message : String(e));
  }
  if (!res.ok) throw await errorOf(res);
  const type = res.headers.get('content-type') ?? '';
  if (type.startsWith('text/html'))
    throw new RequestError(CLIENT_CODES.UNKNOWN, 'The server answered with a page instead of the document');
  return res.blob();
}

/**
 * Opens a printable HTML document of the API (purchase order, acceptance record) in a new tab: the
 * route wants the bearer token, which a plain link cannot send, so the page is fetched and shown
 * from a blob URL. The tab is opened before the fetch so that popup blockers see the user's click.
 */
export async function openPrintable(url: string): Promise<void> {
  const tab = window.open('', '_blank');
  let res: Response;
  try {
    res = await fetch(url, { headers: { ...authHeaders(), accept: 'text/html' } });
  } catch (e) {
    tab?.close();
    throw new RequestError(CLIENT_CODES.NETWORK, e instanceof Error ? e.message : String(e));
  }
  if (!res.ok) {
    tab?.close();
    throw await errorOf(res);
  }
  const href = URL.createObjectURL(new Blob([await res.text()], { type: 'text/html;charset=utf-8' }));
  if (tab) tab.location.href = href;
  else window.location.assign(href);
  setTimeout(() => URL.revokeObjectURL(href), 120_000);
}
