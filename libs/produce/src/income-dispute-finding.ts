import {
  AnomalyKind,
  type AnomalyFigureData,
  AnomalySeverity,
  AnomalySubjectType,
  type ExternalFindingInput,
} from '@bangfu/oversight';
import { formatYuan } from '@bangfu/money';
import { maskName } from '@bangfu/supplier';
import { type IncomeDispute, IncomeLineKind } from './produce.entities';
import type { IncomeStatementAttribution, IncomeStatementPurchase } from './produce.types';

const text = (name: string, value: string): AnomalyFigureData => ({ name, value: 0, unit: 'TEXT', text: value });
const fen = (name: string, value: number): AnomalyFigureData => ({ name, value, unit: 'FEN' });

/**
 * The INCOME_DISPUTE finding for auditors (libs/oversight): subject the supplier, region the
 * household's village (who already sees the dispute in `incomeDisputes`), evidence the disputed
 * line's figures. The head's name is masked (田**) because coordinators and platform admins read
 * findings too and see households masked; one finding per dispute id.
 */
export function incomeDisputeFinding(
  d: IncomeDispute,
  line: { purchase: IncomeStatementPurchase } | { attributed: IncomeStatementAttribution },
  supplierName: string,
  headName: string,
): ExternalFindingInput {
  const purchase = 'purchase' in line ? line.purchase : null;
  const lineFigures: AnomalyFigureData[] = purchase
    ? [
        text('cropName', purchase.cropName),
        { name: 'quantity', value: purchase.quantity, unit: 'UNITS' },
        text('unit', purchase.unit),
        fen('unitPrice', purchase.unitPrice),
        text('paymentStatus', purchase.paymentStatus),
        ...(purchase.lotNo ? [text('lotNo', purchase.lotNo)] : []),
        text('receiptId', purchase.receiptId),
      ]
    : 'attributed' in line
      ? [text('productTitle', line.attributed.productTitle), text('productId', line.attributed.productId)]
      : [];
  const what = d.kind === IncomeLineKind.PURCHASE_PAYMENT ? 'purchase payment' : 'attributed income';
  return {
    kind: AnomalyKind.INCOME_DISPUTE,
    severity: AnomalySeverity.MEDIUM,
    subjectType: AnomalySubjectType.SUPPLIER,
    subjectId: d.supplierId as string,
    subjectLabel: supplierName,
    supplierId: d.supplierId,
    regionCode: d.villageCode,
    summary: `A farmer household in ${d.villageCode} disputes its ${what} of ${d.period} from ${supplierName} (${formatYuan(d.amount)})`,
    figures: [
      text('lineKind', d.kind),
      text('period', d.period),
      fen('disputedAmount', d.amount),
      ...lineFigures,
      text('household', maskName(headName)),
      text('village', d.villageCode),
      text('disputeId', d.id),
      text('note', d.note),
    ],
    fingerprint: d.id,
  };
}
