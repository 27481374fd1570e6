// The API's REST routes (uploads, order documents, printable pages, exports): the bytes are not GraphQL, but the
// bearer token and the error codes are the same as in lib/graphql.ts, so the UI translates their failures alike.
import { CLIENT_CODES, RequestError } from '../lib/graphql';
import { api } from './client';

export function authHeaders(): Record<string, string> {
  const token = api.tokens.get();
  return token ? { authorization: `Bearer ${token}` } : {};
}

/** A refused answer as a RequestError: the API's `{ error: { code, message } }`, else NETWORK (502+) or UNKNOWN. */
export async function errorOf(res: Response): Promise<RequestError> {
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

/** fetch with the bearer token: a failed connection throws NETWORK, a refused answer the API's code. */
export async function restFetch(
  url: string,
  init: RequestInit = {},
  doFetch: typeof fetch = (i, o) => globalThis.fetch(i, o),
): Promise<Response> {
  let res: Response;
  try {
    res = await doFetch(url, { ...init, headers: { ...authHeaders(), ...(init.headers as Record<string, string>) } });
  } catch (e) {
    throw new RequestError(CLIENT_CODES.NETWORK, e instanceof Error ? e.message : String(e));
  }
  if (!res.ok) throw await errorOf(res);
  return res;
}

/** POSTs a file's raw bytes (its name in `x-file-name` unless `named` is false) and reads the JSON answer. */
export async function postFile<T>(
  path: string,
  file: File,
  {
    contentType = file.type,
    named = true,
    doFetch,
  }: { contentType?: string; named?: boolean; doFetch?: typeof fetch } = {},
): Promise<T> {
  const headers: Record<string, string> = { 'content-type': contentType, accept: 'application/json' };
  if (named) headers['x-file-name'] = encodeURIComponent(file.name);
  const res = await restFetch(path, { method: 'POST', headers, body: file }, doFetch);
  return (await res.json()) as T;
}

/** The file name the server suggests (RFC 5987 `filename*` first), else the fallback. */
export function fileNameOf(contentDisposition: string | null, fallback: string): string {
  if (!contentDisposition) return fallback;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(contentDisposition);
  if (star) {
    try {
      return decodeURIComponent(star[1].trim());
    } catch {
      /* malformed escape: try the plain name */
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(contentDisposition);
  return plain ? plain[1] : fallback;
}

/**
 * Fetches an export (XLSX/CSV) with the bearer token, which a plain link cannot send, and hands it to the browser
 * as a download from a blob URL under the server's name.
 */
export async function downloadExport(url: string, fallbackName: string): Promise<void> {
  const res = await restFetch(url);
  const href = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = href;
  a.download = fileNameOf(res.headers.get('content-disposition'), fallbackName);
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
}
