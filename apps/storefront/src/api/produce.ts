// Farmers' produce (libs/produce/README.md has the contract): offers, commitments, receipts into
// lots, purchase payments, the monthly statement, and the public county transparency page.
// Quantities are whole units of the offer's unit; money is fen.
import { CLIENT_CODES, RequestError } from '../lib/graphql';
import { api } from './client';

export interface ProducePaymentRecord {
  id: string;
  amount: number;
  status: 'PENDING' | 'PAID';
  method: string | null;
  reference: string | null;
  paidOn: string | null;
}

export interface ProduceReceiptRecord {
  id: string;
  commitmentId: string;
  offerId: string;
  supplierName: string;
  lotNo: string;
  quantity: number;
  committedQuantity: number;
  shortfall: number;
  unitPrice: number;
  amount: number;
  householdConfirmedAt: string | null;
  receivedAt: string;
  payment: ProducePaymentRecord;
}

export interface ProduceCommitmentRecord {
  id: string;
  offerId: string;
  supplierId: string;
  supplierName: string;
  quantity: number;
  unitPrice: number;
  amount: number;
  belowAskingPrice: boolean;
  pickupDate: string;
  note: string | null;
  status: 'PROPOSED' | 'ACCEPTED' | 'DECLINED' | 'CANCELLED' | 'RECEIVED';
  declineReason: string | null;
  receipt: ProduceReceiptRecord | null;
}

export interface ProduceOfferRecord {
  id: string;
  householdId: string;
  villageCode: string;
  cropName: string;
  variety: string | null;
  quantity: number;
  committedQuantity: number;
  availableQuantity: number;
  unit: string;
  availableFrom: string;
  availableUntil: string;
  askingPrice: number;
  note: string | null;
  imageUrls: string[];
  status: 'OPEN' | 'PARTLY_COMMITTED' | 'COMMITTED' | 'WITHDRAWN' | 'EXPIRED';
  assisted: boolean;
  createdAt: string;
  household: { id: string; headName: string; village: { name: string } | null } | null;
  commitments: ProduceCommitmentRecord[];
}

const PAYMENT = `id amount status method reference paidOn`;
const RECEIPT = `id commitmentId offerId supplierName lotNo quantity committedQuantity shortfall unitPrice amount householdConfirmedAt receivedAt payment { ${PAYMENT} }`;
const COMMITMENT = `id offerId supplierId supplierName quantity unitPrice amount belowAskingPrice pickupDate note status declineReason receipt { ${RECEIPT} }`;
const OFFER = `id householdId villageCode cropName variety quantity committedQuantity availableQuantity unit availableFrom availableUntil askingPrice note imageUrls status assisted createdAt
  household { id headName village { name } } commitments { ${COMMITMENT} }`;

export const MY_PRODUCE_OFFERS = /* GraphQL */ `query MyProduceOffers { myProduceOffers { ${OFFER} } }`;
export type MyProduceOffersData = { myProduceOffers: ProduceOfferRecord[] };

export const PRODUCE_OFFERS = /* GraphQL */ `
  query ProduceOffers($filter: ProduceOfferFilter, $first: Int, $after: String) {
    produceOffers(filter: $filter, first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } edges { node { ${OFFER} } }
    }
  }
`;
export type ProduceOffersData = {
  produceOffers: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: Array<{ node: ProduceOfferRecord }>;
  };
};

export interface CreateProduceOfferInput {
  cropName: string;
  categoryId?: string | null;
  variety?: string | null;
  quantity: number;
  unit: string;
  availableFrom: string;
  availableUntil: string;
  askingPrice: number;
  note?: string | null;
  imageKeys?: string[];
  householdId?: string;
}

export const CREATE_PRODUCE_OFFER = /* GraphQL */ `mutation CreateProduceOffer($input: CreateProduceOfferInput!) { createProduceOffer(input: $input) { ${OFFER} } }`;
export const WITHDRAW_PRODUCE_OFFER = /* GraphQL */ `mutation WithdrawProduceOffer($id: ID!, $reason: String) { withdrawProduceOffer(id: $id, reason: $reason) { ${OFFER} } }`;
export const ACCEPT_COMMITMENT = /* GraphQL */ `mutation AcceptProduceCommitment($id: ID!) { acceptProduceCommitment(id: $id) { ${COMMITMENT} } }`;
export const DECLINE_COMMITMENT = /* GraphQL */ `mutation DeclineProduceCommitment($id: ID!, $reason: String!) { declineProduceCommitment(id: $id, reason: $reason) { ${COMMITMENT} } }`;
export const CONFIRM_RECEIPT = /* GraphQL */ `mutation ConfirmProduceReceipt($receiptId: ID!) { confirmProduceReceipt(receiptId: $receiptId) { ${RECEIPT} } }`;

export const COMMIT_TO_OFFER = /* GraphQL */ `
  mutation CommitToProduceOffer($offerId: ID!, $quantity: Int!, $unitPrice: Money!, $pickupDate: String!, $note: String, $supplierId: ID) {
    commitToProduceOffer(offerId: $offerId, quantity: $quantity, unitPrice: $unitPrice, pickupDate: $pickupDate, note: $note, supplierId: $supplierId) {
      __typename
      ... on ProduceCommitment { ${COMMITMENT} }
      ... on OfferQuantityExceededError { code requested available }
      ... on OfferNotOpenError { code offerStatus }
    }
  }
`;
export type CommitData = {
  commitToProduceOffer:
    | ({ __typename: 'ProduceCommitment' } & ProduceCommitmentRecord)
    | { __typename: 'OfferQuantityExceededError'; code: string; requested: number; available: number }
    | { __typename: 'OfferNotOpenError'; code: string; offerStatus: string };
};

export const SUPPLIER_COMMITMENTS = /* GraphQL */ `query ProduceCommitments($status: ProduceCommitmentStatus) { produceCommitments(status: $status) { ${COMMITMENT} offer { id cropName unit villageCode assisted household { headName village { name } } } } }`;
export type SupplierCommitment = ProduceCommitmentRecord & {
  offer: {
    id: string;
    cropName: string;
    unit: string;
    villageCode: string;
    assisted: boolean;
    household: { headName: string; village: { name: string } | null } | null;
  };
};
export type SupplierCommitmentsData = { produceCommitments: SupplierCommitment[] };

export const RECORD_RECEIPT = /* GraphQL */ `
  mutation RecordProduceReceipt($commitmentId: ID!, $quantity: Int!, $lotId: ID, $newLot: NewLotInput, $lotQuantity: Int, $householdConfirmation: String) {
    recordProduceReceipt(commitmentId: $commitmentId, quantity: $quantity, lotId: $lotId, newLot: $newLot, lotQuantity: $lotQuantity, householdConfirmation: $householdConfirmation) {
      __typename
      ... on ProduceReceipt { ${RECEIPT} }
      ... on ReceiptExceedsCommitmentError { code committed received }
    }
  }
`;
export type RecordReceiptData = {
  recordProduceReceipt:
    | ({ __typename: 'ProduceReceipt' } & ProduceReceiptRecord)
    | { __typename: 'ReceiptExceedsCommitmentError'; code: string; committed: number; received: number };
};

export const RECORD_PAYMENT = /* GraphQL */ `
  mutation RecordProducePayment($receiptId: ID!, $method: ProducePaymentMethod!, $reference: String!, $paidOn: String) {
    recordProducePayment(receiptId: $receiptId, method: $method, reference: $reference, paidOn: $paidOn) { ${PAYMENT} }
  }
`;

export interface IncomeStatementRecord {
  month: string;
  status: 'UNCONFIRMED' | 'CONFIRMED' | 'DISPUTED';
  purchasePaidTotal: number;
  purchasePendingTotal: number;
  attributedTotal: number;
  purchases: Array<{
    receiptId: string;
    supplierName: string;
    cropName: string;
    unit: string;
    quantity: number;
    committedQuantity: number;
    unitPrice: number;
    amount: number;
    lotNo: string;
    receivedAt: string;
    paymentStatus: 'PENDING' | 'PAID';
    paymentMethod: string | null;
    paidOn: string | null;
  }>;
  attributedIncome: Array<{ productId: string; productTitle: string; amount: number }>;
  attributedOrders: Array<{
    orderId: string;
    orderNo: string;
    productTitle: string;
    lotNo: string | null;
    amount: number;
  }>;
  confirmation: { confirmedAt: string } | null;
  disputes: Array<{
    id: string;
    kind: string;
    note: string;
    status: string;
    amount: number;
    resolution: string | null;
  }>;
}

const STATEMENT = `month status purchasePaidTotal purchasePendingTotal attributedTotal
  purchases { receiptId supplierName cropName unit quantity committedQuantity unitPrice amount lotNo receivedAt paymentStatus paymentMethod paidOn }
  attributedIncome { productId productTitle amount } attributedOrders { orderId orderNo productTitle lotNo amount }
  confirmation { confirmedAt } disputes { id kind note status amount resolution }`;

export const MY_INCOME_STATEMENT = /* GraphQL */ `query MyIncomeStatement($month: String!) { myIncomeStatement(month: $month) { ${STATEMENT} } }`;
export type MyIncomeStatementData = { myIncomeStatement: IncomeStatementRecord };
export const CONFIRM_MONTH = /* GraphQL */ `mutation ConfirmMonthlyIncome($month: String!) { confirmMonthlyIncome(month: $month) { ${STATEMENT} } }`;
export const DISPUTE_LINE = /* GraphQL */ `
  mutation DisputeIncomeLine($input: DisputeIncomeLineInput!) {
    disputeIncomeLine(input: $input) {
      id
    }
  }
`;

export interface CountyTransparencyRecord {
  countyCode: string;
  year: number;
  purchasePaid: number;
  purchasePending: number;
  attributedIncome: number;
  reachedHouseholds: number;
  householdsDriven: number;
  topProducts: Array<{ productId: string; productTitle: string; householdIncome: number }>;
  topCrops: Array<{ cropName: string; unit: string; quantity: number; amount: number }>;
}
export const COUNTY_TRANSPARENCY = /* GraphQL */ `
  query CountyTransparency($countyCode: String!, $year: Int) {
    countyTransparency(countyCode: $countyCode, year: $year) {
      countyCode
      year
      purchasePaid
      purchasePending
      attributedIncome
      reachedHouseholds
      householdsDriven
      topProducts {
        productId
        productTitle
        householdIncome
      }
      topCrops {
        cropName
        unit
        quantity
        amount
      }
    }
    region(code: $countyCode) {
      code
      name
      path {
        name
      }
    }
  }
`;
export type CountyTransparencyData = {
  countyTransparency: CountyTransparencyRecord;
  region: { code: string; name: string; path: Array<{ name: string }> } | null;
};

/** Units an offer may use (catalog's list). */
export const PRODUCE_UNITS = ['斤', 'kg', '箱', '袋', '个', '只', '头', '件', '份', '盒', '瓶', '罐', 'g'] as const;
export const PAYMENT_METHODS = ['WECHAT_PAY', 'BANK_TRANSFER', 'CASH', 'ALIPAY', 'OTHER'] as const;

const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'];
const MAX_PHOTO_BYTES = 5 * 1024 * 1024;

/** Uploads one photo from the phone's camera; answers the key to pass in `imageKeys`. */
export async function uploadProducePhoto(file: File): Promise<{ key: string; url: string }> {
  if (!PHOTO_TYPES.includes(file.type)) throw new RequestError('INVALID_IMAGE_TYPE', file.type || 'empty');
  if (file.size > MAX_PHOTO_BYTES) throw new RequestError('IMAGE_TOO_LARGE', String(file.size));
  const token = api.tokens.get();
  let res: Response;
  try {
    res = await fetch('/produce-files/images', {
      method: 'POST',
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        'content-type': file.type,
        accept: 'application/json',
      },
      body: file,
    });
  } catch (e) {
    throw new RequestError(CLIENT_CODES.NETWORK, e instanceof Error ? e.message : String(e));
  }
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
    throw new RequestError(body?.error?.code ?? CLIENT_CODES.UNKNOWN, body?.error?.message ?? `HTTP ${res.status}`);
  }
  return (await res.json()) as { key: string; url: string };
}
