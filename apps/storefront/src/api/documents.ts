// Order documents (invoice, inspection report) travel as raw bytes over REST, not GraphQL:
// POST /files/orders/:orderId/documents answers { id, fileKey, … }; downloads need the bearer token.
import { CLIENT_CODES, RequestError } from '../lib/graphql';
import { postFile, restFetch } from './rest';

export interface UploadedDocument {
  id: string;
  fileKey: string;
  contentType: string;
  sizeBytes: number;
  url: string;
}

export const uploadOrderDocument = (orderId: string, file: File, doFetch?: typeof fetch) =>
  postFile<UploadedDocument>(`/files/orders/${encodeURIComponent(orderId)}/documents`, file, { doFetch });

/** The document's bytes as a Blob (the route wants the bearer token, so a plain link cannot fetch it). */
export async function downloadOrderDocument(url: string, contentType: string): Promise<Blob> {
  const res = await restFetch(url, { headers: { accept: contentType } });
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
    res = await restFetch(url, { headers: { accept: 'text/html' } });
  } catch (e) {
    tab?.close();
    throw e;
  }
  const href = URL.createObjectURL(new Blob([await res.text()], { type: 'text/html;charset=utf-8' }));
  if (tab) tab.location.href = href;
  else window.location.assign(href);
  setTimeout(() => URL.revokeObjectURL(href), 120_000);
}
