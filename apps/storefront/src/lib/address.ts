// Client-side checks of an address before it is sent (the server checks the same and answers with codes).
import type { AddressInput } from '../api/buyers';

export type AddressProblem = 'required' | 'tooLong' | 'phone' | 'regionLevel';

const PHONE = /^1[3-9]\d{9}$/;

export function checkAddress(
  a: AddressInput,
): Partial<Record<'recipient' | 'phone' | 'regionCode' | 'detail', AddressProblem>> {
  const out: Partial<Record<'recipient' | 'phone' | 'regionCode' | 'detail', AddressProblem>> = {};
  if (!a.recipient) out.recipient = 'required';
  else if ([...a.recipient].length > 50) out.recipient = 'tooLong';
  if (!PHONE.test(a.phone)) out.phone = 'phone';
  // A county at least; the picker offers towns and villages where the division data has them.
  // (A province or city code ends in eight zeros.)
  if (!/^\d{12}$/.test(a.regionCode) || /^\d{4}0{8}$/.test(a.regionCode)) out.regionCode = 'regionLevel';
  if (!a.detail) out.detail = 'required';
  else if ([...a.detail].length > 200) out.detail = 'tooLong';
  return out;
}

/** 13812345678 → 138****5678 (what suppliers see outside their ship form). */
export function maskPhone(phone: string): string {
  return /^\d{11}$/.test(phone) ? `${phone.slice(0, 3)}****${phone.slice(7)}` : phone;
}
