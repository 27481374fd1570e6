import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataSource } from 'typeorm';
import { Role } from '@bangfu/core';
import { MAX_DOCUMENT_BYTES } from '@bangfu/catalog';
import { createUserWithRole } from '@bangfu/identity';
import { createLinkageFixture, createSupplierFixture } from '@bangfu/supplier';
import { expectErrorCode, type TestServer } from '@bangfu/testing';
import { insertProductFixture } from './fixtures';
import { firstVillage, startCertificationServer } from './test-helpers';

const storageDir = mkdtempSync(join(tmpdir(), 'bangfu-cert-docs-'));
let server: TestServer;
let ds: DataSource;
let supplier: string;
let otherSupplier: string;
let coordinator: string;
let farCoordinator: string;
let admin: string;
let certificationId: string;
let supplierOrgId: string;

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('IHDR scan')]);
const DOCS = `query($id: ID!) { certification(id: $id) { id documents { id fileName contentType sizeBytes url } } }`;
const SUBMIT = `mutation($p: ID!) { submitCertification(productId: $p) { id } }`;

function attach(id: string, body: Buffer, contentType: string, token: string | null, fileName?: string) {
  return fetch(`${server.url}/files/certifications/${id}/documents`, {
    method: 'POST',
    headers: {
      'content-type': contentType,
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(fileName ? { 'x-file-name': encodeURIComponent(fileName) } : {}),
    },
    body: new Uint8Array(body),
  });
}
const rows = async () => (await ds.query(`SELECT count(*)::int AS n FROM certification_document`))[0].n as number;
const stored = () =>
  readdirSync(storageDir, { recursive: true }).filter((f) => /\.(pdf|png|jpg)$/.test(String(f))).length;
const login = async (role: Role, regionPrefix?: string) => {
  const u = await createUserWithRole(ds, role, { regionPrefix });
  return server.login(u.email, u.password);
};

beforeAll(async () => {
  process.env.STORAGE_DIR = storageDir;
  ({ server, ds } = await startCertificationServer());
  const village = await firstVillage(ds);
  const s = await createSupplierFixture(ds, {});
  supplierOrgId = s.supplierId;
  await createLinkageFixture(ds, { supplierId: s.supplierId, villageCode: village });
  supplier = await server.login(s.admin.email, s.admin.password);
  const o = await createSupplierFixture(ds, {});
  otherSupplier = await server.login(o.admin.email, o.admin.password);
  coordinator = await login(Role.COORDINATOR, '520621');
  farCoordinator = await login(Role.COORDINATOR, '610724');
  admin = await login(Role.PLATFORM_ADMIN);
  const productId = await insertProductFixture(ds, { supplierId: s.supplierId });
  certificationId = (await server.gqlOk(SUBMIT, { p: productId }, supplier)).submitCertification.id;
});
afterAll(async () => {
  await server?.close();
  rmSync(storageDir, { recursive: true, force: true });
  delete process.env.STORAGE_DIR;
});

describe('certification application documents', () => {
  it('the supplier attaches a PDF and a scan; the verifying coordinator and the admin see and download them', async () => {
    const res = await attach(certificationId, PDF, 'application/pdf', supplier, '产地证明.pdf');
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({
      fileName: '产地证明.pdf',
      contentType: 'application/pdf',
      sizeBytes: PDF.length,
    });
    expect((await attach(certificationId, PNG, 'image/png', supplier)).status).toBe(201);
    for (const token of [supplier, coordinator, admin]) {
      const docs = (await server.gqlOk(DOCS, { id: certificationId }, token)).certification.documents;
      expect(docs.map((d: any) => [d.fileName, d.contentType])).toEqual([
        ['产地证明.pdf', 'application/pdf'],
        [null, 'image/png'],
      ]);
      const file = await fetch(`${server.url}${docs[0].url}`, { headers: { authorization: `Bearer ${token}` } });
      expect(file.status).toBe(200);
      expect(file.headers.get('content-type')).toBe('application/pdf');
      expect(Buffer.from(await file.arrayBuffer()).equals(PDF)).toBe(true);
    }
  });

  it('keeps them from other suppliers and coordinators of other regions', async () => {
    const docs = (await server.gqlOk(DOCS, { id: certificationId }, admin)).certification.documents;
    expectErrorCode(await server.gql(DOCS, { id: certificationId }, farCoordinator), 'FORBIDDEN');
    for (const token of [farCoordinator, otherSupplier]) {
      const file = await fetch(`${server.url}${docs[0].url}`, { headers: { authorization: `Bearer ${token}` } });
      expect(file.status).toBe(403);
    }
    expect((await fetch(`${server.url}${docs[0].url}`)).status).toBe(401);
  });

  it.each([
    ['a PNG declared as PDF', PNG, 'application/pdf', 415, 'INVALID_DOCUMENT_TYPE'],
    [
      'a Word file',
      Buffer.from('PK\u0003\u0004 docx'),
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      415,
      'INVALID_DOCUMENT_TYPE',
    ],
    ['an empty body', Buffer.alloc(0), 'application/pdf', 415, 'INVALID_DOCUMENT_TYPE'],
    [
      'a PDF over 10 MB',
      Buffer.concat([PDF, Buffer.alloc(MAX_DOCUMENT_BYTES)]),
      'application/pdf',
      413,
      'DOCUMENT_TOO_LARGE',
    ],
  ])('refuses %s and stores nothing', async (_label, body, type, status, code) => {
    const before = [await rows(), stored()];
    const res = await attach(certificationId, body, type, supplier);
    expect(res.status).toBe(status);
    expect((await res.json()).error.code).toBe(code);
    expect([await rows(), stored()]).toEqual(before);
  });

  it('only the product’s supplier attaches, and only while the application is open', async () => {
    const before = await rows();
    expect((await attach(certificationId, PDF, 'application/pdf', otherSupplier)).status).toBe(403);
    // Whose application it is comes before the body: another supplier's oversized upload is 403, not 413.
    const oversized = Buffer.concat([PDF, Buffer.alloc(MAX_DOCUMENT_BYTES)]);
    expect((await attach(certificationId, oversized, 'application/pdf', otherSupplier)).status).toBe(403);
    expect((await attach(certificationId, PDF, 'application/pdf', coordinator)).status).toBe(403);
    expect((await attach('00000000-0000-4000-8000-000000000000', PDF, 'application/pdf', supplier)).status).toBe(404);
    await server.gqlOk(
      `mutation($id: ID!) { rejectCertification(id: $id, reason: "材料不全") { id } }`,
      { id: certificationId },
      coordinator,
    );
    const closed = await attach(certificationId, PDF, 'application/pdf', supplier);
    expect(closed.status).toBe(400);
    expect((await closed.json()).error.code).toBe('CERTIFICATION_CLOSED');
    expect(await rows()).toBe(before);
    expect(stored()).toBe(2);
  });
});

describe('document names', () => {
  it('keeps only the base name the client sent, without path parts or control characters; refusals say the type in words', async () => {
    const productId = await insertProductFixture(ds, { supplierId: supplierOrgId });
    const id = (await server.gqlOk(SUBMIT, { p: productId }, supplier)).submitCertification.id;
    const named = async (fileName: string) => {
      const res = await attach(id, PDF, 'application/pdf', supplier, fileName);
      expect(res.status).toBe(201);
      return ((await res.json()) as { fileName: string | null }).fileName;
    };
    expect(await named('../../../etc/passwd')).toBe('passwd');
    expect(await named('C:\\扫描件\\检测报告\u0000\u202E.pdf')).toBe('检测报告.pdf');
    expect(await named('../..')).toBeNull();
    const docs = (await server.gqlOk(DOCS, { id }, supplier)).certification.documents;
    expect(docs.map((d: { fileName: string | null }) => d.fileName)).toEqual(['passwd', '检测报告.pdf', null]);
    // A refusal names the type the bytes are not in words ("a valid PDF file", not "a application/pdf file").
    const refused = await attach(id, Buffer.from('hello'), 'application/pdf', supplier);
    expect(refused.status).toBe(415);
    expect((await refused.json()).error.message).toBe('The file is not a valid PDF file');
  });
});
