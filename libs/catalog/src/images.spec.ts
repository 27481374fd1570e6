import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { expectErrorCode, type TestServer } from '@bangfu/testing';
import { MAX_IMAGE_BYTES } from './catalog.rules';
import {
  CREATE_PRODUCT,
  PRODUCT,
  PUBLISH,
  startCatalogServer,
  supplierFixture,
  variantInput,
} from './catalog.test-fixtures';

const storageDir = mkdtempSync(join(tmpdir(), 'bangfu-uploads-'));
let server: TestServer;
let ds: DataSource;
let token: string;
let otherToken: string;
let productId: string;

// Real pictures (sharp draws them): thumbnails are decoded from the bytes, so signatures alone no longer pass.
const picture = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: { r: 40, g: 120, b: 60 } } });
let PNG: Buffer;
let JPEG: Buffer;
let WEBP: Buffer;
/** A valid PNG signature in front of bytes that are no image: accepted before thumbnails were made. */
const FAKE_PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from('IHDR fake png body'),
]);
const GIF = Buffer.from('GIF89a fake gif');

function upload(id: string, body: Buffer, contentType: string, t: string | null = token) {
  return fetch(`${server.url}/files/products/${id}/images`, {
    method: 'POST',
    headers: { 'content-type': contentType, ...(t ? { authorization: `Bearer ${t}` } : {}) },
    body: new Uint8Array(body),
  });
}

const files = () => readdirSync(storageDir, { recursive: true }).filter((f) => String(f).match(/\.(png|jpg|webp)$/));
const IMAGES = `query($id: ID!) { product(id: $id) { images { id url thumbnailUrl contentType sort width height } } }`;
const imageRows = async () => (await ds.query(`SELECT count(*)::int AS n FROM product_image`))[0].n as number;

beforeAll(async () => {
  [PNG, JPEG, WEBP] = await Promise.all([
    picture(800, 600).png().toBuffer(),
    picture(1200, 400).jpeg().toBuffer(),
    picture(200, 150).webp().toBuffer(),
  ]);
  // The catalog module reads storage settings from the environment (core config is not ours to extend).
  process.env.STORAGE_DIR = storageDir;
  ({ server, ds } = await startCatalogServer());
  const coop = await supplierFixture(ds);
  const other = await supplierFixture(ds);
  token = await server.login(coop.email, coop.password);
  otherToken = await server.login(other.email, other.password);
  const p = (
    await server.gqlOk(
      CREATE_PRODUCT,
      { input: { title: '汉中仙毫绿茶', originRegionCode: '610724000000', variants: [variantInput()] } },
      token,
    )
  ).createProduct;
  productId = p.id;
  await server.gqlOk(PUBLISH, { id: productId }, token);
});
afterAll(async () => {
  await server?.close();
  rmSync(storageDir, { recursive: true, force: true });
  delete process.env.STORAGE_DIR;
});

describe('product images', () => {
  it('stores JPEG, PNG and WebP uploads and serves them back', async () => {
    for (const [body, type] of [
      [PNG, 'image/png'],
      [JPEG, 'image/jpeg'],
      [WEBP, 'image/webp'],
    ] as const) {
      const res = await upload(productId, body, type);
      expect(res.status).toBe(201);
      const json = await res.json();
      expect(json).toMatchObject({ contentType: type, sizeBytes: body.length });
      expect(json.url).toMatch(new RegExp(`^/files/products/${productId}/[0-9a-f-]+\\.(png|jpg|webp)$`));
      const file = await fetch(`${server.url}${json.url}`);
      expect(file.status).toBe(200);
      expect(file.headers.get('content-type')).toBe(type);
      expect(file.headers.get('x-content-type-options')).toBe('nosniff');
      expect(Buffer.from(await file.arrayBuffer()).equals(body)).toBe(true);
    }
    const images = (await server.gqlOk(PRODUCT, { id: productId })).product.images;
    expect(images.map((i: any) => i.contentType)).toEqual(['image/png', 'image/jpeg', 'image/webp']);
    // Each original plus its thumbnail.
    expect(files()).toHaveLength(6);
  });

  it('keeps the original and serves a WebP thumbnail at most 320 px, never enlarged', async () => {
    const images = (await server.gqlOk(IMAGES, { id: productId })).product.images;
    expect(images.map((i: any) => [i.width, i.height])).toEqual([
      [800, 600],
      [1200, 400],
      [200, 150],
    ]);
    const sizes = [];
    for (const image of images) {
      expect(image.thumbnailUrl).toMatch(new RegExp(`^/files/products/${productId}/[0-9a-f-]+-thumb\\.webp$`));
      const res = await fetch(`${server.url}${image.thumbnailUrl}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('image/webp');
      const meta = await sharp(Buffer.from(await res.arrayBuffer())).metadata();
      expect(meta.format).toBe('webp');
      sizes.push([meta.width, meta.height]);
    }
    expect(sizes).toEqual([
      [320, 240],
      [320, 107],
      [200, 150],
    ]);
  });

  it.each([
    ['bytes that are not the declared type', () => PNG, 'image/jpeg', 415, 'INVALID_IMAGE_TYPE'],
    ['a GIF', GIF, 'image/gif', 415, 'INVALID_IMAGE_TYPE'],
    ['a PNG signature in front of bytes that do not decode', FAKE_PNG, 'image/png', 415, 'INVALID_IMAGE_TYPE'],
    ['text declared as an image', Buffer.from('hello'), 'image/png', 415, 'INVALID_IMAGE_TYPE'],
    ['a non-image content type', () => PNG, 'application/octet-stream', 415, 'INVALID_IMAGE_TYPE'],
    ['an empty body', Buffer.alloc(0), 'image/png', 415, 'INVALID_IMAGE_TYPE'],
    [
      'an image over 5 MB',
      () => Buffer.concat([PNG, Buffer.alloc(MAX_IMAGE_BYTES)]),
      'image/png',
      413,
      'IMAGE_TOO_LARGE',
    ],
  ])('refuses %s and stores nothing', async (_label, bodyOf, type, status, code) => {
    const body = typeof bodyOf === 'function' ? bodyOf() : bodyOf;
    const [rows, stored] = [await imageRows(), files().length];
    const res = await upload(productId, body, type);
    expect(res.status).toBe(status);
    expect((await res.json()).error.code).toBe(code);
    expect([await imageRows(), files().length]).toEqual([rows, stored]);
  });

  it('accepts exactly 5 MB', async () => {
    // Trailing bytes after the JPEG's end marker are ignored by decoders: a real 5 MB picture.
    const res = await upload(
      productId,
      Buffer.concat([JPEG, Buffer.alloc(MAX_IMAGE_BYTES - JPEG.length)]),
      'image/jpeg',
    );
    expect(res.status).toBe(201);
  });

  it('reorders the gallery; only the owner, and only with every image once', async () => {
    const ids = (await server.gqlOk(IMAGES, { id: productId })).product.images.map((i: any) => i.id);
    const REORDER =
      'mutation($p: ID!, $ids: [ID!]!) { reorderProductImages(productId: $p, imageIds: $ids) { id sort } }';
    const reversed = [...ids].reverse();
    expect(
      (await server.gqlOk(REORDER, { p: productId, ids: reversed }, token)).reorderProductImages.map((i: any) => i.id),
    ).toEqual(reversed);
    expect((await server.gqlOk(IMAGES, { id: productId })).product.images.map((i: any) => i.id)).toEqual(reversed);
    expectErrorCode(await server.gql(REORDER, { p: productId, ids: reversed }, otherToken), 'FORBIDDEN');
    expectErrorCode(await server.gql(REORDER, { p: productId, ids: reversed.slice(1) }, token), 'IMAGE_ORDER_MISMATCH');
    expectErrorCode(
      await server.gql(REORDER, { p: productId, ids: [reversed[0], ...reversed.slice(0, -1)] }, token),
      'IMAGE_ORDER_MISMATCH',
    );
    expect((await server.gqlOk(IMAGES, { id: productId })).product.images.map((i: any) => i.id)).toEqual(reversed);
    // A new upload goes to the end of the gallery.
    const { id: added } = await (await upload(productId, PNG, 'image/png')).json();
    expect((await server.gqlOk(IMAGES, { id: productId })).product.images.map((i: any) => i.id).at(-1)).toBe(added);
  });

  it('lets only the product’s supplier upload', async () => {
    const rows = await imageRows();
    const anon = await upload(productId, PNG, 'image/png', null);
    expect(anon.status).toBe(401);
    const foreign = await upload(productId, PNG, 'image/png', otherToken);
    expect(foreign.status).toBe(403);
    expect((await foreign.json()).error.code).toBe('FORBIDDEN');
    const missing = await upload('00000000-0000-4000-8000-000000000000', PNG, 'image/png');
    expect(missing.status).toBe(404);
    // Whose product it is comes before the body: a stranger's oversized or mistyped upload is 403, never 413/415.
    const tooLarge = Buffer.concat([PNG, Buffer.alloc(MAX_IMAGE_BYTES)]);
    expect((await upload(productId, tooLarge, 'image/png', otherToken)).status).toBe(403);
    expect((await upload(productId, GIF, 'image/gif', otherToken)).status).toBe(403);
    expect((await upload('00000000-0000-4000-8000-000000000000', tooLarge, 'image/png')).status).toBe(404);
    // The connection is still good for the next request after an early refusal.
    expect((await upload(productId, PNG, 'image/png', otherToken)).status).toBe(403);
    expect(await imageRows()).toBe(rows);
  });

  it('removes an image, its file and its thumbnail; only the owner may', async () => {
    const { id, url } = await (await upload(productId, PNG, 'image/png')).json();
    const thumb = (await server.gqlOk(IMAGES, { id: productId })).product.images.find(
      (i: any) => i.id === id,
    ).thumbnailUrl;
    const stored = files().length;
    const REMOVE = 'mutation($id: ID!) { removeProductImage(imageId: $id) }';
    expectErrorCode(await server.gql(REMOVE, { id }, otherToken), 'FORBIDDEN');
    expect((await server.gqlOk(REMOVE, { id }, token)).removeProductImage).toBe(true);
    expect((await fetch(`${server.url}${url}`)).status).toBe(404);
    expect((await fetch(`${server.url}${thumb}`)).status).toBe(404);
    expect(files().length).toBe(stored - 2);
    expect(files().some((f) => url.endsWith(String(f).split('/').pop()!))).toBe(false);
  });

  it('serves only stored image keys', async () => {
    expect((await fetch(`${server.url}/files/products/${productId}/nope.png`)).status).toBe(404);
    expect((await fetch(`${server.url}/files/..%2F..%2Fetc%2Fpasswd`)).status).toBe(404);
    expect((await fetch(`${server.url}/files/products/%2e%2e/%2e%2e/package.json`)).status).toBe(404);
  });
});
