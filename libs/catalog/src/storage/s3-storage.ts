import { encodeKey, isStorageKey, type ObjectStorage } from './object-storage';
import { sha256Hex, signRequest } from './sigv4';

export interface S3Config {
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Base URL the bucket is publicly readable at (CDN); when absent, files go through our /files route. */
  publicUrl?: string | null;
}

/** An S3-compatible bucket, path-style addressing, SigV4-signed requests with fetch (no SDK). */
export class S3Storage implements ObjectStorage {
  readonly kind = 's3' as const;

  constructor(
    private readonly config: S3Config,
    private readonly fetchFn: typeof fetch = fetch,
  ) {}

  private objectUrl(key: string): URL {
    if (!isStorageKey(key)) throw new Error(`invalid storage key ${JSON.stringify(key)}`);
    return new URL(
      `${this.config.endpoint.replace(/\/+$/, '')}/${encodeURIComponent(this.config.bucket)}/${encodeKey(key)}`,
    );
  }

  private async send(
    method: 'PUT' | 'GET' | 'DELETE',
    key: string,
    body?: Buffer,
    contentType?: string,
  ): Promise<Response> {
    const url = this.objectUrl(key);
    const headers = signRequest({
      method,
      url,
      headers: contentType ? { 'content-type': contentType } : {},
      payloadHash: sha256Hex(body ?? ''),
      region: this.config.region,
      service: 's3',
      accessKeyId: this.config.accessKeyId,
      secretAccessKey: this.config.secretAccessKey,
    });
    delete headers.host; // fetch sets it from the URL
    return this.fetchFn(url, {
      method,
      headers,
      body: body ? new Uint8Array(body) : undefined,
      signal: AbortSignal.timeout(30_000),
    });
  }

  private async fail(op: string, key: string, res: Response): Promise<never> {
    const text = await res.text().catch(() => '');
    const code = /<Code>([^<]+)<\/Code>/.exec(text)?.[1] ?? res.statusText;
    throw new Error(`S3 ${op} ${key} failed: ${res.status} ${code}`);
  }

  async put(key: string, bytes: Buffer, contentType: string): Promise<void> {
    const res = await this.send('PUT', key, bytes, contentType);
    if (!res.ok) await this.fail('PUT', key, res);
    await res.arrayBuffer();
  }

  async get(key: string): Promise<{ bytes: Buffer; contentType: string } | null> {
    const res = await this.send('GET', key);
    if (res.status === 404) {
      await res.arrayBuffer();
      return null;
    }
    if (!res.ok) await this.fail('GET', key, res);
    return {
      bytes: Buffer.from(await res.arrayBuffer()),
      contentType: res.headers.get('content-type') ?? 'application/octet-stream',
    };
  }

  async delete(key: string): Promise<void> {
    const res = await this.send('DELETE', key);
    if (!res.ok && res.status !== 404) await this.fail('DELETE', key, res);
    await res.arrayBuffer();
  }

  url(key: string): string {
    return this.config.publicUrl
      ? `${this.config.publicUrl.replace(/\/+$/, '')}/${encodeKey(key)}`
      : `/files/${encodeKey(key)}`;
  }
}
