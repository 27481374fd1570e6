// Farmers' produce (libs/produce/README.md has the contract): offers, commitments, receipts into
// lots, purchase payments, the monthly statement, and the public county transparency page.
// Quantities are whole units of the offer's unit; money is fen.
import type { ResultOf } from '../lib/graphql';
import { graphql } from './generated';
import { CLIENT_CODES, RequestError } from '../lib/graphql';
import { api } from './client';

import type {
  IncomeStatementFieldsFragment,
  ProduceCommitmentFieldsFragment,
  ProduceOfferFieldsFragment,
  ProducePaymentFieldsFragment,
  ProducePaymentMethod,
  ProduceReceiptFieldsFragment,
} from './generated/graphql';
export type { CreateProduceOfferInput } from './generated/graphql';

export type ProducePaymentRecord = ProducePaymentFieldsFragment;
export type ProduceReceiptRecord = ProduceReceiptFieldsFragment;
export type ProduceCommitmentRecord = ProduceCommitmentFieldsFragment;
export type ProduceOfferRecord = ProduceOfferFieldsFragment;
export type SupplierCommitment = SupplierCommitmentsData['produceCommitments'][number];
export type IncomeStatementRecord = IncomeStatementFieldsFragment;
export type CountyTransparencyRecord = CountyTransparencyData['countyTransparency'];
export type ProduceOffersData = ResultOf<typeof PRODUCE_OFFERS>;
export type CommitData = ResultOf<typeof COMMIT_TO_OFFER>;
export type RecordReceiptData = ResultOf<typeof RECORD_RECEIPT>;
export type CountyTransparencyData = ResultOf<typeof COUNTY_TRANSPARENCY>;

export const PAYMENT = graphql(`
  fragment ProducePaymentFields on ProducePayment {
    id
    amount
    status
    method
    reference
    paidOn
  }
`);
export const RECEIPT = graphql(`
  fragment ProduceReceiptFields on ProduceReceipt {
    id
    commitmentId
    offerId
    supplierName
    lotNo
    quantity
    committedQuantity
    shortfall
    unitPrice
    amount
    householdConfirmedAt
    receivedAt
    payment {
      ...ProducePaymentFields
    }
  }
`);
export const COMMITMENT = graphql(`
  fragment ProduceCommitmentFields on ProduceCommitment {
    id
    offerId
    supplierId
    supplierName
    quantity
    unitPrice
    amount
    belowAskingPrice
    pickupDate
    note
    status
    declineReason
    receipt {
      ...ProduceReceiptFields
    }
  }
`);
export const OFFER = graphql(`
  fragment ProduceOfferFields on ProduceOffer {
    id
    householdId
    villageCode
    cropName
    variety
    quantity
    committedQuantity
    availableQuantity
    unit
    availableFrom
    availableUntil
    askingPrice
    note
    imageUrls
    status
    assisted
    createdAt
    household {
      id
      headName
      village {
        name
      }
    }
    commitments {
      ...ProduceCommitmentFields
    }
  }
`);

export const MY_PRODUCE_OFFERS = graphql(`
  query MyProduceOffers {
    myProduceOffers {
      ...ProduceOfferFields
    }
  }
`);
export type MyProduceOffersData = ResultOf<typeof MY_PRODUCE_OFFERS>;

export const PRODUCE_OFFERS = graphql(`
  query ProduceOffers($filter: ProduceOfferFilter, $first: Int, $after: String) {
    produceOffers(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...ProduceOfferFields
        }
      }
    }
  }
`);
export const CREATE_PRODUCE_OFFER = graphql(`
  mutation CreateProduceOffer($input: CreateProduceOfferInput!) {
    createProduceOffer(input: $input) {
      ...ProduceOfferFields
    }
  }
`);
export const WITHDRAW_PRODUCE_OFFER = graphql(`
  mutation WithdrawProduceOffer($id: ID!, $reason: String) {
    withdrawProduceOffer(id: $id, reason: $reason) {
      ...ProduceOfferFields
    }
  }
`);
export const ACCEPT_COMMITMENT = graphql(`
  mutation AcceptProduceCommitment($id: ID!) {
    acceptProduceCommitment(id: $id) {
      ...ProduceCommitmentFields
    }
  }
`);
export const DECLINE_COMMITMENT = graphql(`
  mutation DeclineProduceCommitment($id: ID!, $reason: String!) {
    declineProduceCommitment(id: $id, reason: $reason) {
      ...ProduceCommitmentFields
    }
  }
`);
export const CONFIRM_RECEIPT = graphql(`
  mutation ConfirmProduceReceipt($receiptId: ID!) {
    confirmProduceReceipt(receiptId: $receiptId) {
      ...ProduceReceiptFields
    }
  }
`);

export const COMMIT_TO_OFFER = graphql(`
  mutation CommitToProduceOffer(
    $offerId: ID!
    $quantity: Int!
    $unitPrice: Money!
    $pickupDate: String!
    $note: String
    $supplierId: ID
  ) {
    commitToProduceOffer(
      offerId: $offerId
      quantity: $quantity
      unitPrice: $unitPrice
      pickupDate: $pickupDate
      note: $note
      supplierId: $supplierId
    ) {
      __typename
      ... on ProduceCommitment {
        ...ProduceCommitmentFields
      }
      ... on OfferQuantityExceededError {
        code
        requested
        available
      }
      ... on OfferNotOpenError {
        code
        offerStatus
      }
    }
  }
`);
export const SUPPLIER_COMMITMENTS = graphql(`
  query ProduceCommitments($status: ProduceCommitmentStatus) {
    produceCommitments(status: $status) {
      ...ProduceCommitmentFields
      offer {
        id
        cropName
        unit
        villageCode
        assisted
        household {
          headName
          village {
            name
          }
        }
      }
    }
  }
`);
export type SupplierCommitmentsData = ResultOf<typeof SUPPLIER_COMMITMENTS>;

export const RECORD_RECEIPT = graphql(`
  mutation RecordProduceReceipt(
    $commitmentId: ID!
    $quantity: Int!
    $lotId: ID
    $newLot: NewLotInput
    $lotQuantity: Int
    $householdConfirmation: String
  ) {
    recordProduceReceipt(
      commitmentId: $commitmentId
      quantity: $quantity
      lotId: $lotId
      newLot: $newLot
      lotQuantity: $lotQuantity
      householdConfirmation: $householdConfirmation
    ) {
      __typename
      ... on ProduceReceipt {
        ...ProduceReceiptFields
      }
      ... on ReceiptExceedsCommitmentError {
        code
        committed
        received
      }
    }
  }
`);
export const RECORD_PAYMENT = graphql(`
  mutation RecordProducePayment($receiptId: ID!, $method: ProducePaymentMethod!, $reference: String!, $paidOn: String) {
    recordProducePayment(receiptId: $receiptId, method: $method, reference: $reference, paidOn: $paidOn) {
      ...ProducePaymentFields
    }
  }
`);

export const STATEMENT = graphql(`
  fragment IncomeStatementFields on IncomeStatement {
    month
    status
    purchasePaidTotal
    purchasePendingTotal
    attributedTotal
    purchases {
      receiptId
      supplierName
      cropName
      unit
      quantity
      committedQuantity
      unitPrice
      amount
      lotNo
      receivedAt
      paymentStatus
      paymentMethod
      paidOn
    }
    attributedIncome {
      productId
      productTitle
      amount
    }
    attributedOrders {
      orderId
      orderNo
      productTitle
      lotNo
      amount
    }
    confirmation {
      confirmedAt
    }
    disputes {
      id
      kind
      note
      status
      amount
      resolution
    }
  }
`);

export const MY_INCOME_STATEMENT = graphql(`
  query MyIncomeStatement($month: String!) {
    myIncomeStatement(month: $month) {
      ...IncomeStatementFields
    }
  }
`);
export type MyIncomeStatementData = ResultOf<typeof MY_INCOME_STATEMENT>;
export const CONFIRM_MONTH = graphql(`
  mutation ConfirmMonthlyIncome($month: String!) {
    confirmMonthlyIncome(month: $month) {
      ...IncomeStatementFields
    }
  }
`);
export const DISPUTE_LINE = graphql(`
  mutation DisputeIncomeLine($input: DisputeIncomeLineInput!) {
    disputeIncomeLine(input: $input) {
      id
    }
  }
`);

export const COUNTY_TRANSPARENCY = graphql(`
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
`);
/** The farmer's own household and village (pages/produce/FamilyFarmSection). */
export const MY_HOUSEHOLD_VILLAGE = graphql(`
  query MyHouseholdVillage {
    myHousehold {
      id
      villageCode
      village {
        name
      }
    }
  }
`);

/** Units an offer may use (catalog's list). */
export const PRODUCE_UNITS = ['斤', 'kg', '箱', '袋', '个', '只', '头', '件', '份', '盒', '瓶', '罐', 'g'] as const;
export const PAYMENT_METHODS = [
  'WECHAT_PAY',
  'BANK_TRANSFER',
  'CASH',
  'ALIPAY',
  'OTHER',
] as const satisfies readonly ProducePaymentMethod[];

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
