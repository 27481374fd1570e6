import { beforeAll, describe, expect, it } from 'vitest';
import { Role } from '@bangfu/core';
import { OversightModule } from '@bangfu/oversight';
import { startWithDataSource } from '@bangfu/testing';
import { ProduceModule } from './produce.module';
import {
  ACCEPT,
  commitTo,
  coordinator,
  CREATE_OFFER,
  offerInput,
  RECEIVE,
  shanghaiDate,
  variantOf,
  villageForFile,
} from './test-helpers';

const DISPUTE = `mutation($input: DisputeIncomeLineInput!) { disputeIncomeLine(input: $input) { id status note } }`;
const FINDINGS = `query($f: AnomalyFindingFilter) { anomalyFindings(filter: $f) { totalCount edges { node {
  id kind status severity subjectType subjectId subjectLabel supplierId regionCode detectedVia evidence { figures { name value unit text } orderIds } } } } }`;

describe('produce → oversight: a disputed income line is an INCOME_DISPUTE finding for the region’s auditors', () => {
  // Produce with oversight's resolvers (and the domains oversight reads through) on one real server.
  const v = villageForFile(undefined, () => startWithDataSource({ imports: [OversightModule, ProduceModule] }));
  let receiptId: string;
  const month = shanghaiDate().slice(0, 7);

  beforeAll(async () => {
    const { server, ds, supplierId, staff, farmer } = v;
    const offer = (await server.gqlOk(CREATE_OFFER, { input: offerInput() }, farmer.token)).createProduceOffer;
    const c = await commitTo(server, staff, offer.id, 100, 150);
    await server.gqlOk(ACCEPT, { id: c.id }, farmer.token);
    const { variantId } = await variantOf(ds, supplierId, '斤');
    const r = (
      await server.gqlOk(
        RECEIVE,
        { commitmentId: c.id, quantity: 100, newLot: { variantId, lotNo: 'LB-DSP-1', harvestedOn: shanghaiDate() } },
        staff.token,
      )
    ).recordProduceReceipt;
    receiptId = r.id;
  });

  it('opens exactly one OPEN finding (subject the supplier, masked household, the line’s figures) seen in the region only; a second call opens nothing more; resolving keeps it', async () => {
    const { server, ds, village, supplierId, staff, farmer } = v;
    const input = { month, kind: 'PURCHASE_PAYMENT', receiptId, note: '少付了 20 斤的钱' };
    const first = (await server.gqlOk(DISPUTE, { input }, farmer.token)).disputeIncomeLine;
    expect(first).toMatchObject({ status: 'OPEN', note: '少付了 20 斤的钱' });

    const auditor = await coordinator(server, ds, '5206', Role.AUDITOR);
    const elsewhere = await coordinator(server, ds, '4418', Role.AUDITOR);
    const seen = (await server.gqlOk(FINDINGS, { f: { kind: 'INCOME_DISPUTE' } }, auditor.token)).anomalyFindings;
    expect(seen.totalCount).toBe(1);
    const f = seen.edges[0].node;
    expect(f).toMatchObject({
      kind: 'INCOME_DISPUTE',
      status: 'OPEN',
      subjectType: 'SUPPLIER',
      subjectId: supplierId,
      supplierId,
      regionCode: village,
      detectedVia: 'EVENT',
      evidence: { orderIds: [] },
    });
    const figures = Object.fromEntries(
      f.evidence.figures.map((x: any) => [x.name, x.unit === 'TEXT' ? x.text : x.value]),
    );
    expect(figures).toMatchObject({
      lineKind: 'PURCHASE_PAYMENT',
      period: month,
      disputedAmount: 15000,
      cropName: '白萝卜',
      quantity: 100,
      unitPrice: 150,
      paymentStatus: 'PENDING',
      lotNo: 'LB-DSP-1',
      receiptId,
      household: '田**',
      village,
      disputeId: first.id,
      note: '少付了 20 斤的钱',
    });
    expect(JSON.stringify(f)).not.toContain('田秀英');
    expect(
      (await server.gqlOk(FINDINGS, { f: { kind: 'INCOME_DISPUTE' } }, elsewhere.token)).anomalyFindings.totalCount,
    ).toBe(0);

    // The same line again (a second tap): the open dispute answers, and no second finding opens.
    const again = (await server.gqlOk(DISPUTE, { input: { ...input, note: '再说一次' } }, farmer.token))
      .disputeIncomeLine;
    expect(again.id).toBe(first.id);
    expect(
      (await ds.query(`SELECT count(*)::int AS n FROM income_dispute WHERE receipt_id = $1`, [receiptId]))[0].n,
    ).toBe(1);
    expect(
      (await server.gqlOk(FINDINGS, { f: { kind: 'INCOME_DISPUTE' } }, auditor.token)).anomalyFindings.totalCount,
    ).toBe(1);

    // The supplier resolving it in produce leaves the finding for the auditor's review.
    const resolved = await server.gqlOk(
      `mutation($id: ID!) { resolveIncomeDispute(id: $id, resolution: "已补付") { status } }`,
      { id: first.id },
      staff.token,
    );
    expect(resolved.resolveIncomeDispute.status).toBe('RESOLVED');
    const after = (await server.gqlOk(FINDINGS, { f: { kind: 'INCOME_DISPUTE' } }, auditor.token)).anomalyFindings;
    expect(after.edges.map((e: any) => [e.node.id, e.node.status])).toEqual([[f.id, 'OPEN']]);
  });
});
