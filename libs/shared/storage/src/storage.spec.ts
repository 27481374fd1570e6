import { createServer, type IncomingMessage } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { AwsV4Signer } from 'aws4fetch';
import { afterAll, describe, expect, it } from 'vitest';
import { LocalDiskStorage } from './local-storage';
import { isStorageKey } from './object-storage';
import { S3Storage } from './s3-storage';
import { createObjectStorage } from './storage.factory';

const sha256Hex = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

/** The Authorization header aws4fetch computes for a request, as S3 recomputes it on arrival. */
async function authorization(input: {
  method: string;
  url: URL;
  headers: Record<string, string>;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** YYYYMMDD'T'HHMMSS'Z' */
  datetime: string;
}): Promise<string> {
  const signer = new AwsV4Signer({ ...input, url: input.url.toString(), service: 's3', allHeaders: true });
  return (await signer.sign()).headers.get('authorization')!;
}

const AWS_EXAMPLE = {
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  region: 'us-east-1',
  datetime: '20130524T000000Z',
};

// The signer is aws4fetch's; these pin that the way we call it (signed payload hash, S3 path encoding)
// still produces AWS's published signatures.
describe('SigV4 (aws4fetch)', () => {
  it('reproduces the AWS documentation example for GET Object', async () => {
    const auth = await authorization({
      ...AWS_EXAMPLE,
      method: 'GET',
      url: new URL('https://examplebucket.s3.amazonaws.com/test.txt'),
      headers: { Range: 'bytes=0-9', 'x-amz-content-sha256': sha256Hex('') },
    });
    expect(auth).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
    );
  });

  it('reproduces the AWS documentation example for PUT Object (encoded key, signed body)', async () => {
    const auth = await authorization({
      ...AWS_EXAMPLE,
      method: 'PUT',
      url: new URL('https://examplebucket.s3.amazonaws.com/test%24file.text'),
      headers: {
        Date: 'Fri, 24 May 2013 00:00:00 GMT',
        'x-amz-storage-class': 'REDUCED_REDUNDANCY',
        'x-amz-content-sha256': sha256Hex('Welcome to Amazon S3.'),
      },
    });
    expect(auth).toMatch(/Signature=98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd$/);
  });
});

describe('object storage', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('local disk: put, get, delete, and refuses keys that escape the directory', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bangfu-storage-'));
    dirs.push(dir);
    const s = new LocalDiskStorage(dir);
    await s.put('products/p1/a.png', Buffer.from('png-bytes'), 'image/png');
    expect(await s.get('products/p1/a.png')).toEqual({ bytes: Buffer.from('png-bytes'), contentType: 'image/png' });
    expect(s.url('products/p1/a.png')).toBe('/files/products/p1/a.png');
    await s.delete('products/p1/a.png');
    expect(await s.get('products/p1/a.png')).toBeNull();
    await expect(s.put('../evil.png', Buffer.from('x'), 'image/png')).rejects.toThrow(/invalid storage key/);
    expect(isStorageKey('products/../../etc/passwd')).toBe(false);
    expect(isStorageKey('/etc/passwd')).toBe(false);
  });

  it('S3: signed PUT/GET/DELETE against an S3-compatible endpoint', async () => {
    const objects = new Map<string, { body: Buffer; type: string }>();
    const seen: string[] = [];
    const read = (req: IncomingMessage) =>
      new Promise<Buffer>((r) => {
        const c: Buffer[] = [];
        req.on('data', (d) => c.push(d));
        req.on('end', () => r(Buffer.concat(c)));
      });
    const server = createServer(async (req, res) => {
      const body = await read(req);
      const url = new URL(req.url!, `http://${req.headers.host}`);
      // Recompute the signature from what arrived, as S3 does.
      const names = /SignedHeaders=([^,]+)/.exec(String(req.headers.authorization))![1].split(';');
      const signedHeaders = Object.fromEntries(
        names.filter((n) => !['host', 'x-amz-date'].includes(n)).map((n) => [n, String(req.headers[n])]),
      );
      const expected = await authorization({
        method: req.method!,
        url,
        headers: signedHeaders,
        region: 'cn-east-1',
        accessKeyId: 'AK',
        secretAccessKey: 'SK',
        datetime: String(req.headers['x-amz-date']),
      });
      seen.push(`${req.method} ${url.pathname}`);
      if (req.headers.authorization !== expected || req.headers['x-amz-content-sha256'] !== sha256Hex(body)) {
        res.writeHead(403).end('<Error><Code>SignatureDoesNotMatch</Code></Error>');
        return;
      }
      if (req.method === 'PUT') objects.set(url.pathname, { body, type: String(req.headers['content-type']) });
      if (req.method === 'DELETE') objects.delete(url.pathname);
      if (req.method === 'GET') {
        const o = objects.get(url.pathname);
        if (!o) return void res.writeHead(404).end('<Error><Code>NoSuchKey</Code></Error>');
        return void res.writeHead(200, { 'content-type': o.type }).end(o.body);
      }
      res.writeHead(200).end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const endpoint = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    try {
      const s3 = createObjectStorage({
        S3_ENDPOINT: endpoint,
        S3_BUCKET: 'bangfu',
        S3_ACCESS_KEY_ID: 'AK',
        S3_SECRET_ACCESS_KEY: 'SK',
        S3_REGION: 'cn-east-1',
      });
      expect(s3).toBeInstanceOf(S3Storage);
      await s3.put('products/p1/x.webp', Buffer.from('webp'), 'image/webp');
      expect(await s3.get('products/p1/x.webp')).toEqual({ bytes: Buffer.from('webp'), contentType: 'image/webp' });
      await s3.delete('products/p1/x.webp');
      expect(await s3.get('products/p1/x.webp')).toBeNull();
      expect(seen).toEqual([
        'PUT /bangfu/products/p1/x.webp',
        'GET /bangfu/products/p1/x.webp',
        'DELETE /bangfu/products/p1/x.webp',
        'GET /bangfu/products/p1/x.webp',
      ]);
      const wrong = new S3Storage({
        endpoint,
        bucket: 'bangfu',
        region: 'cn-east-1',
        accessKeyId: 'AK',
        secretAccessKey: 'wrong',
      });
      await expect(wrong.put('products/p1/y.png', Buffer.from('x'), 'image/png')).rejects.toThrow(
        /403 SignatureDoesNotMatch/,
      );
    } finally {
      server.close();
    }
  });

  it('chooses local disk without S3 settings and refuses a partial S3 configuration', () => {
    expect(createObjectStorage({ STORAGE_DIR: '/tmp/x' }).kind).toBe('local');
    expect(() => createObjectStorage({ S3_ENDPOINT: 'http://s3', S3_BUCKET: 'b' })).toThrow(/S3_ACCESS_KEY_ID/);
  });
});
