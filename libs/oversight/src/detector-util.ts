import { SHANGHAI_OFFSET_MS } from '@bangfu/locale';
import { formatYuan } from '@bangfu/money';
import type { OrderSignalLine } from '@bangfu/ordering';
import { type AnomalyFigureData, AnomalySubjectType } from './anomaly.entities';
import type { Candidate } from './anomaly.rules';
import type { Place } from './detector-deps';

const DAY_MS = 86_400_000;

export const daysBefore = (now: Date, days: number): Date => new Date(now.getTime() - days * DAY_MS);
export const minutesBefore = (t: Date, minutes: number): Date => new Date(t.getTime() - minutes * 60_000);

/** Asia/Shanghai is UTC+8 all year. */
export const shanghaiHour = (t: Date): number => new Date(t.getTime() + SHANGHAI_OFFSET_MS).getUTCHours();
/** The instant an Asia/Shanghai calendar day starts (month and day may overflow). */
export { shanghaiMidnight as shanghaiDayStart, shanghaiMonth, shanghaiYear } from '@bangfu/locale';

/** How far `value` is above `base`, in basis points (integer, floor). */
export const excessBps = (value: number, base: number): number => Math.floor(((value - base) * 10_000) / base);

export const uniq = <T>(xs: Iterable<T>): T[] => [...new Set(xs)];

/** Rows grouped by key (core's, shared with the DataLoader helpers). */
export { groupBy } from '@bangfu/core';

export const fen = (name: string, value: number): AnomalyFigureData => ({ name, value, unit: 'FEN' });
export const bps = (name: string, value: number): AnomalyFigureData => ({ name, value, unit: 'BPS' });
export const count = (name: string, value: number): AnomalyFigureData => ({ name, value, unit: 'COUNT' });
export const units = (name: string, value: number): AnomalyFigureData => ({ name, value, unit: 'UNITS' });
export const text = (name: string, value: string): AnomalyFigureData => ({ name, value: 0, unit: 'TEXT', text: value });

export const sumTotals = (lines: OrderSignalLine[]): number => lines.reduce((a, l) => a + l.lineTotal, 0);
/** Amounts in finding summaries: the one yuan formatter (@bangfu/money), "¥1,234.56". */
export const yuan = (f: number): string => formatYuan(f);

// Who a candidate is about: the subject fields, and the supplier and region that decide who sees it.
type Subject = Pick<Candidate, 'subjectType' | 'subjectId' | 'subjectLabel' | 'supplierId' | 'regionCode'>;

/** An order (by its number), of the line's supplier, in the supplier's region. */
export const orderSubject = (l: OrderSignalLine, supplier: Place): Subject => ({
  subjectType: AnomalySubjectType.ORDER,
  subjectId: l.orderId,
  subjectLabel: l.orderNo,
  supplierId: l.supplierId,
  regionCode: supplier.regionCode,
});

/** A supplier, in its own region. */
export const supplierSubject = (supplierId: string, supplier: Place): Subject => ({
  subjectType: AnomalySubjectType.SUPPLIER,
  subjectId: supplierId,
  subjectLabel: supplier.name,
  supplierId,
  regionCode: supplier.regionCode,
});

/** A buying unit, in its region; no supplier concerned. */
export const unitSubject = (orgId: string, unit: Place): Subject => ({
  subjectType: AnomalySubjectType.BUYER_UNIT,
  subjectId: orgId,
  subjectLabel: unit.name,
  supplierId: null,
  regionCode: unit.regionCode,
});
