// Supplier portal and coordinator screens: admission (供应商准入), products, lots, certification (帮扶产品认定).
import type { ResultOf } from '../lib/graphql';
import { graphql } from './generated';

import type {
  CertificationFieldsFragment,
  CertificationStatus,
  OwnProductFragment,
  ProductStatus,
  SupplierFieldsFragment,
  SupplierKind,
  SupplierStatus,
} from './generated/graphql';
export type { ApplyAsSupplierInput, CreateLotInput, CreateProductInput, VariantInput } from './generated/graphql';

export type SupplierRecord = SupplierFieldsFragment;
export type SupplierHistoryEntry = NonNullable<SupplierRecord['history']>[number];
export type OwnProduct = OwnProductFragment;
export type OwnVariant = OwnProduct['variants'][number];
export type LotRecord = LotsData['lots'][number];
export type HouseholdsData = ResultOf<typeof HOUSEHOLDS>;
export type HouseholdRecord = HouseholdsData['households']['edges'][number]['node'];
export type CertificationRecord = CertificationFieldsFragment;
export type CertificationEvent = CertificationRecord['history'][number];
export type NotificationRecord = NotificationsData['notifications'][number];

export const SUPPLIER_KINDS = [
  'COOPERATIVE',
  'ENTERPRISE',
  'FAMILY_FARM',
  'TRADING_AGENT',
] as const satisfies readonly SupplierKind[];
export const SUPPLIER_STATUSES = [
  'APPLIED',
  'RECOMMENDED',
  'APPROVED',
  'REJECTED',
  'SUSPENDED',
  'REVOKED',
] as const satisfies readonly SupplierStatus[];
export const CERTIFICATION_STATUSES = [
  'PENDING',
  'VERIFIED',
  'CERTIFIED',
  'EXPIRED',
  'REVOKED',
  'REJECTED',
] as const satisfies readonly CertificationStatus[];
export const PRODUCT_STATUSES = ['DRAFT', 'PUBLISHED', 'UNPUBLISHED'] as const satisfies readonly ProductStatus[];

export const SUPPLIER_FIELDS = graphql(`
  fragment SupplierFields on Supplier {
    id
    name
    kind
    status
    creditCode
    countyCode
    county {
      code
      name
      path {
        code
        name
      }
    }
    linkageMechanism
    appliedAt
    linkedHouseholdCount
    history {
      fromStatus
      toStatus
      reason
      actorName
      createdAt
    }
  }
`);

export const SUPPLIERS = graphql(`
  query Suppliers($filter: SupplierFilter, $first: Int) {
    suppliers(filter: $filter, first: $first) {
      ...SupplierFields
    }
  }
`);
export type SuppliersData = ResultOf<typeof SUPPLIERS>;

export const APPLY_AS_SUPPLIER = graphql(`
  mutation ApplyAsSupplier($input: ApplyAsSupplierInput!) {
    applyAsSupplier(input: $input) {
      ...SupplierFields
    }
  }
`);
export const RECOMMEND_SUPPLIER = graphql(`
  mutation RecommendSupplier($supplierId: ID!, $comment: String) {
    recommendSupplier(supplierId: $supplierId, comment: $comment) {
      ...SupplierFields
    }
  }
`);

export const REJECT_SUPPLIER = graphql(`
  mutation RejectSupplier($supplierId: ID!, $reason: String!) {
    rejectSupplier(supplierId: $supplierId, reason: $reason) {
      ...SupplierFields
    }
  }
`);

// ── products and lots ───────────────────────────────────────────────────────────

export const OWN_PRODUCT = graphql(`
  fragment OwnProduct on Product {
    id
    title
    status
    originRegion {
      code
      name
    }
    certification {
      id
      status
      certificateNo
      validTo
    }
    variants {
      ...SupplierVariant
    }
  }
`);

/** A variant as its supplier sees and edits it: prices and both stock figures. */
export const SUPPLIER_VARIANT = graphql(`
  fragment SupplierVariant on Variant {
    id
    sku
    spec
    unit
    retailPrice
    agencyPrice
    marketReferencePrice
    stockOnHand
    stockAvailable
    active
  }
`);

/** A supplier's own products: with `supplierId`, its staff also get drafts and unpublished ones. */
export const OWN_PRODUCTS = graphql(`
  query OwnProducts($filter: ProductFilter, $first: Int, $after: String) {
    products(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...OwnProduct
        }
      }
    }
  }
`);
export type OwnProductsData = ResultOf<typeof OWN_PRODUCTS>;

export const VARIANT_UNITS = graphql(`
  query VariantUnits {
    variantUnits
  }
`);

export const CREATE_PRODUCT = graphql(`
  mutation CreateProduct($input: CreateProductInput!) {
    createProduct(input: $input) {
      ...OwnProduct
    }
  }
`);

export const PUBLISH_PRODUCT = graphql(`
  mutation PublishProduct($productId: ID!) {
    publishProduct(productId: $productId) {
      ...OwnProduct
    }
  }
`);

export const UNPUBLISH_PRODUCT = graphql(`
  mutation UnpublishProduct($productId: ID!) {
    unpublishProduct(productId: $productId) {
      ...OwnProduct
    }
  }
`);

export const ADD_VARIANT = graphql(`
  mutation AddVariant($productId: ID!, $input: VariantInput!) {
    addVariant(productId: $productId, input: $input) {
      id
    }
  }
`);

/** A harvest lot and the households whose produce is in it. */
export const LOT_FIELDS = graphql(`
  fragment LotFields on Lot {
    id
    lotNo
    harvestedOn
    quantity
    remaining
    contributions {
      householdId
      quantity
    }
  }
`);

export const LOTS = graphql(`
  query Lots($variantId: ID!) {
    lots(variantId: $variantId) {
      ...LotFields
    }
  }
`);
export type LotsData = ResultOf<typeof LOTS>;

export const CREATE_LOT = graphql(`
  mutation CreateLot($input: CreateLotInput!) {
    createLot(input: $input) {
      ...LotFields
    }
  }
`);

export const HOUSEHOLDS = graphql(`
  query Households($filter: HouseholdFilter, $first: Int) {
    households(filter: $filter, first: $first) {
      totalCount
      edges {
        node {
          id
          headName
          size
          status
          villageCode
          village {
            name
          }
        }
      }
    }
  }
`);
// ── certification ───────────────────────────────────────────────────────────────

export const CERTIFICATION_FIELDS = graphql(`
  fragment CertificationFields on Certification {
    id
    status
    certificateNo
    validFrom
    validTo
    createdAt
    updatedAt
    product {
      id
      title
      supplier {
        id
        name
      }
      originRegion {
        code
        name
        path {
          code
          name
        }
      }
    }
    history {
      fromStatus
      toStatus
      reason
      createdAt
    }
    documents {
      ...CertificationDocumentFields
    }
  }
`);

export const CERTIFICATION_DOCUMENT_FIELDS = graphql(`
  fragment CertificationDocumentFields on CertificationDocument {
    id
    fileName
    contentType
    sizeBytes
    url
    createdAt
  }
`);

export const CERTIFICATIONS = graphql(`
  query Certifications($filter: CertificationFilter, $first: Int, $after: String) {
    certifications(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...CertificationFields
        }
      }
    }
  }
`);
export type CertificationsData = ResultOf<typeof CERTIFICATIONS>;

export const SUBMIT_CERTIFICATION = graphql(`
  mutation SubmitCertification($productId: ID!) {
    submitCertification(productId: $productId) {
      ...CertificationFields
    }
  }
`);

export const VERIFY_CERTIFICATION = graphql(`
  mutation VerifyCertification($id: ID!, $comment: String) {
    verifyCertification(id: $id, comment: $comment) {
      ...CertificationFields
    }
  }
`);

export const REJECT_CERTIFICATION = graphql(`
  mutation RejectCertification($id: ID!, $reason: String!) {
    rejectCertification(id: $id, reason: $reason) {
      ...CertificationFields
    }
  }
`);

// ── notifications ───────────────────────────────────────────────────────────────

export const NOTIFICATIONS = graphql(`
  query Notifications($first: Int) {
    notifications(first: $first) {
      id
      kind
      title
      body
      createdAt
      readAt
      orderId
      data
    }
  }
`);
export type NotificationsData = ResultOf<typeof NOTIFICATIONS>;

export const MARK_NOTIFICATIONS_READ = graphql(`
  mutation MarkNotificationsRead($ids: [ID!]!) {
    markNotificationsRead(ids: $ids)
  }
`);
