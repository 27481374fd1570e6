import { createHash } from 'node:crypto';
import { AwsClient } from 'aws4fetch';
import { encodeKey, isStorageKey, type ObjectStorage } from './object-storage';

export interface S3Config {
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Base URL the bucket is publicly readable at (CDN); when absent, files go through our /files route. */
  publicUrl?: string | null;
}

/** An S3-compatible bucket (MinIO, OSS, COS, R2, AWS), path-style addressing, SigV4 signing by aws4fetch. */
export class S3Storage implements ObjectStorage {
  readonly kind = 's3' as const;
  private readonly signer: AwsClient;

  constructor(
    private readonly config: S3Config,
    private readonly fetchFn: typeof fetch = fetch,
  ) {
    // No retries: a failed upload is reported to the uploader, who can send it again.
    this.signer = new AwsClient({
      accessKeyId: config.accessKeyId,
      secretAccessKey: config.secretAccessKey,
      region: config.region,
      service: 's3',
      retries: 0,
    });
  }

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
    const headers: Record<string, string> = {
      // Sign the body's hash (aws4fetch defaults S3 to UNSIGNED-PAYLOAD): a body altered in transit is refused.
      'x-amz-content-sha256': createHash('sha256')
        .update(body ?? '')
        .digest('hex'),
    };
    if (contentType) headers['content-type'] = contentType;
    const signed = await this.signer.sign(url, { method, headers, body: body ? new Uint8Array(body) : undefined });
    return this.fetchFn(signed, { signal: AbortSignal.timeout(30_000) });
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
