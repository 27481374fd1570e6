import { errorText, type Translate } from '../i18n/translate';
import { bpsToPercentText } from './agency';
import type { RequestError } from './graphql';
import { formatFen } from './money';

const MONEY_DETAILS = ['totalAmount', 'approvalLimit', 'spendingLimit', 'limit'];

/** errorText with the procurement errors' fen and basis-point details written for people. */
export function procurementErrorText(t: Translate, error: Pick<RequestError, 'code' | 'details'>): string {
  const details: Record<string, unknown> = { ...error.details };
  for (const key of MONEY_DETAILS)
    if (typeof details[key] === 'number') details[key] = formatFen(details[key] as number);
  if (typeof details.minimumBps === 'number') details.minimumBps = `${bpsToPercentText(details.minimumBps as number)}%`;
  return errorText(t, { code: error.code, details });
}
