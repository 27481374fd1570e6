// Supplier portal and coordinator screens: admission (供应商准入), products, lots, certification (帮扶产品认定).
import type { ConnectionPage } from '../lib/use-connection';

export const SUPPLIER_KINDS = ['COOPERATIVE', 'ENTERPRISE', 'FAMILY_FARM', 'TRADING_AGENT'] as const;
export const SUPPLIER_STATUSES = ['APPLIED', 'RECOMMENDED', 'APPROVED', 'REJECTED', 'SUSPENDED', 'REVOKED'] as const;
export const CERTIFICATION_STATUSES = ['PENDING', 'VERIFIED', 'CERTIFIED', 'EXPIRED', 'REVOKED', 'REJECTED'] as const;
export const PRODUCT_STATUSES = ['DRAFT', 'PUBLISHED', 'UNPUBLISHED'] as const;

export interface SupplierHistoryEntry {
  fromStatus: string | null;
  toStatus: string;
  reason: string | null;
  actorName: string | null;
  createdAt: string;
}

export interface SupplierRecord {
  id: string;
  name: string;
  kind: string;
  status: string;
  creditCode: string | null;
  countyCode: string;
  county: { code: string; name: string; path: Array<{ code: string; name: string }> } | null;
  linkageMechanism: string;
  appliedAt: string;
  linkedHouseholdCount: number;
  history: SupplierHistoryEntry[] | null;
}

const SUPPLIER_FIELDS = /* GraphQL */ `
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
`;

export const SUPPLIERS = /* GraphQL */ `
  query Suppliers($filter: SupplierFilter, $first: Int) {
    suppliers(filter: $filter, first: $first) {
      ...SupplierFields
    }
  }
  ${SUPPLIER_FIELDS}
`;
export type SuppliersData = { suppliers: SupplierRecord[] };

export const APPLY_AS_SUPPLIER = /* GraphQL */ `
  mutation ApplyAsSupplier($input: ApplyAsSupplierInput!) {
    applyAsSupplier(input: $input) {
      ...SupplierFields
    }
  }
  ${SUPPLIER_FIELDS}
`;
export interface ApplyAsSupplierInput {
  name: string;
  creditCode: string;
  kind: string;
  countyCode: string;
  linkageMechanism: string;
  sourceCountyCodes?: string[];
}

export const RECOMMEND_SUPPLIER = /* GraphQL */ `
  mutation RecommendSupplier($supplierId: ID!, $comment: String) {
    recommendSupplier(supplierId: $supplierId, comment: $comment) {
      ...SupplierFields
    }
  }
  ${SUPPLIER_FIELDS}
`;

export const REJECT_SUPPLIER = /* GraphQL */ `
  mutation RejectSupplier($supplierId: ID!, $reason: String!) {
    rejectSupplier(supplierId: $supplierId, reason: $reason) {
      ...SupplierFields
    }
  }
  ${SUPPLIER_FIELDS}
`;

// ── products and lots ───────────────────────────────────────────────────────────

export interface OwnVariant {
  id: string;
  sku: string;
  spec: string;
  unit: string;
  retailPrice: number;
  agencyPrice: number;
  marketReferencePrice: number;
  stockOnHand: number;
  stockAvailable: number;
  active: boolean;
}

export interface OwnProduct {
  id: string;
  title: string;
  status: string;
  originRegion: { code: string; name: string } | null;
  certification: { id: string; status: string; certificateNo: string | null; validTo: string | null } | null;
  variants: OwnVariant[];
}

const OWN_PRODUCT = /* GraphQL */ `
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
  }
`;

/** A supplier's own products: with `supplierId`, its staff also get drafts and unpublished ones. */
export const OWN_PRODUCTS = /* GraphQL */ `
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
  ${OWN_PRODUCT}
`;
export type OwnProductsData = { products: ConnectionPage<OwnProduct> };

export const VARIANT_UNITS = /* GraphQL */ `
  query VariantUnits {
    variantUnits
  }
`;

export interface VariantInput {
  sku: string;
  spec: string;
  unit: string;
  retailPrice: number;
  agencyPrice: number;
  marketReferencePrice: number;
  stockOnHand?: number;
}

export interface CreateProductInput {
  supplierId: string;
  title: string;
  description?: string;
  categoryId?: string;
  originRegionCode: string;
  variants: VariantInput[];
}

export const CREATE_PRODUCT = /* GraphQL */ `
  mutation CreateProduct($input: CreateProductInput!) {
    createProduct(input: $input) {
      ...OwnProduct
    }
  }
  ${OWN_PRODUCT}
`;

export const PUBLISH_PRODUCT = /* GraphQL */ `
  mutation PublishProduct($productId: ID!) {
    publishProduct(productId: $productId) {
      ...OwnProduct
    }
  }
  ${OWN_PRODUCT}
`;

export const UNPUBLISH_PRODUCT = /* GraphQL */ `
  mutation UnpublishProduct($productId: ID!) {
    unpublishProduct(productId: $productId) {
      ...OwnProduct
    }
  }
  ${OWN_PRODUCT}
`;

export const ADD_VARIANT = /* GraphQL */ `
  mutation AddVariant($productId: ID!, $input: VariantInput!) {
    addVariant(productId: $productId, input: $input) {
      id
    }
  }
`;

export interface LotRecord {
  id: string;
  lotNo: string;
  harvestedOn: string;
  quantity: number;
  remaining: number;
  contributions: Array<{ householdId: string; quantity: number }>;
}

export const LOTS = /* GraphQL */ `
  query Lots($variantId: ID!) {
    lots(variantId: $variantId) {
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
  }
`;
export type LotsData = { lots: LotRecord[] };

export interface CreateLotInput {
  variantId: string;
  lotNo: string;
  harvestedOn: string;
  contributions: Array<{ householdId: string; quantity: number }>;
}

export const CREATE_LOT = /* GraphQL */ `
  mutation CreateLot($input: CreateLotInput!) {
    createLot(input: $input) {
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
  }
`;

export interface HouseholdRecord {
  id: string;
  headName: string;
  size: number;
  status: string;
  villageCode: string;
  village: { name: string } | null;
}

export const HOUSEHOLDS = /* GraphQL */ `
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
`;
export type HouseholdsData = { households: { totalCount: number; edges: Array<{ node: HouseholdRecord }> } };

// ── certification ───────────────────────────────────────────────────────────────

export interface CertificationEvent {
  fromStatus: string | null;
  toStatus: string;
  reason: string | null;
  createdAt: string;
}

export interface CertificationRecord {
  id: string;
  status: string;
  certificateNo: string | null;
  validFrom: string | null;
  validTo: string | null;
  createdAt: string;
  updatedAt: string;
  product: {
    id: string;
    title: string;
    supplier: { id: string; name: string } | null;
    originRegion: { code: string; name: string; path: Array<{ code: string; name: string }> } | null;
  };
  history: CertificationEvent[];
  /** 申请材料; empty for readers outside the workflow. */
  documents: Array<{
    id: string;
    fileName: string | null;
    contentType: string;
    sizeBytes: number;
    url: string;
    createdAt: string;
  }>;
}

const CERTIFICATION_FIELDS = /* GraphQL */ `
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
      id
      fileName
      contentType
      sizeBytes
      url
      createdAt
    }
  }
`;

export const CERTIFICATIONS = /* GraphQL */ `
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
  ${CERTIFICATION_FIELDS}
`;
export type CertificationsData = { certifications: ConnectionPage<CertificationRecord> };

export const SUBMIT_CERTIFICATION = /* GraphQL */ `
  mutation SubmitCertification($productId: ID!) {
    submitCertification(productId: $productId) {
      ...CertificationFields
    }
  }
  ${CERTIFICATION_FIELDS}
`;

export const VERIFY_CERTIFICATION = /* GraphQL */ `
  mutation VerifyCertification($id: ID!, $comment: String) {
    verifyCertification(id: $id, comment: $comment) {
      ...CertificationFields
    }
  }
  ${CERTIFICATION_FIELDS}
`;

export const REJECT_CERTIFICATION = /* GraphQL */ `
  mutation RejectCertification($id: ID!, $reason: String!) {
    rejectCertification(id: $id, reason: $reason) {
      ...CertificationFields
    }
  }
  ${CERTIFICATION_FIELDS}
`;

// ── notifications ───────────────────────────────────────────────────────────────

export interface NotificationRecord {
  id: string;
  kind: string;
  title: string;
  body: string;
  createdAt: string;
  readAt: string | null;
  /** The order it is about: the notification links to it. */
  orderId: string | null;
  /** JSON payload; order notifications carry orderNo for the localised title. */
  data: string;
}

export const NOTIFICATIONS = /* GraphQL */ `
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
`;
export type NotificationsData = { notifications: NotificationRecord[] };

export const MARK_NOTIFICATIONS_READ = /* GraphQL */ `
  mutation MarkNotificationsRead($ids: [ID!]!) {
    markNotificationsRead(ids: $ids)
  }
`;
