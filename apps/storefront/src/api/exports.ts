// Downloads of the API's exports (XLSX/CSV): the routes want the bearer token, which a plain link
// cannot send, so the file is fetched and handed to the browser as a download from a blob URL.
import { CLIENT_CODES, RequestError } from '../lib/graphql';
import { api } from './client';

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
  const plain = /filename="([^"]+)"/i.exec(contentDisposition);
  return plain ? plain[1] : fallback;
}

export async function downloadExport(url: string, fallbackName: string): Promise<void> {
  const token = api.tokens.get();
  let res: Response;
  try {
    res = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  } catch (e) {
    throw new RequestError(CLIENT_CODES.NETWORK, e instanceof Error ? e.message : String(e));
  }
  if (!res.ok) {
    let code: string = CLIENT_CODES.UNKNOWN;
    try {
      const body = (await res.json()) as { error?: { code?: unknown } };
      if (typeof body.error?.code === 'string') code = body.error.code;
    } catch {
      /* not JSON */
    }
    throw new RequestError(code, `HTTP ${res.status}`);
  }
  const href = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = href;
  a.download = fileNameOf(res.headers.get('content-disposition'), fallbackName);
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
}
