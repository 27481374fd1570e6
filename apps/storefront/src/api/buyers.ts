// Issue 15, item 1 (buyers): address book, delivery addresses on orders, supplier store, hall page.
import type { ProductCardData } from './catalog';

export interface AddressData {
  id: string;
  recipient: string;
  phone: string;
  regionCode: string;
  regionPath: string[];
  detail: string;
  isDefault: boolean;
}

export interface AddressInput {
  recipient: string;
  phone: string;
  regionCode: string;
  detail: string;
  isDefault?: boolean;
}

/** What an order keeps of the address chosen at checkout; the phone may be masked (138****5678). */
export interface AddressSnapshot {
  recipient: string;
  phone: string;
  regionCode: string;
  regionPath: string[];
  detail: string;
}

const ADDRESS_FIELDS = 'id recipient phone regionCode regionPath detail isDefault';

export const MY_ADDRESSES = /* GraphQL */ `
  query MyAddresses { myAddresses { ${ADDRESS_FIELDS} } }
`;
export type MyAddressesData = { myAddresses: AddressData[] };

export const CREATE_ADDRESS = /* GraphQL */ `
  mutation CreateAddress($input: AddressInput!) { createAddress(input: $input) { ${ADDRESS_FIELDS} } }
`;
export type CreateAddressData = { createAddress: AddressData };

export const UPDATE_ADDRESS = /* GraphQL */ `
  mutation UpdateAddress($id: ID!, $input: AddressInput!) { updateAddress(id: $id, input: $input) { ${ADDRESS_FIELDS} } }
`;

export const SET_DEFAULT_ADDRESS = /* GraphQL */ `
  mutation SetDefaultAddress($id: ID!) { setDefaultAddress(id: $id) { ${ADDRESS_FIELDS} } }
`;

export const DELETE_ADDRESS = /* GraphQL */ `
  mutation DeleteAddress($id: ID!) {
    deleteAddress(id: $id)
  }
`;

const SNAPSHOT_FIELDS = 'recipient phone regionCode regionPath detail';

export interface OrderAddressData {
  order: {
    id: string;
    orderNo: string;
    status: string;
    createdAt: string;
    deliveryAddress: AddressSnapshot | null;
    supplierOrders: Array<{
      id: string;
      supplierId: string;
      status: string;
      carrier: string | null;
      trackingNo: string | null;
      shipTo: AddressSnapshot | null;
      lines: Array<{ id: string; productTitle: string; sku: string; spec: string; unit: string; quantity: number }>;
    }>;
  } | null;
}

/** The order's delivery address, and per supplier order the ship-to (full phone for its own staff). */
export const ORDER_ADDRESS = /* GraphQL */ `
  query OrderAddress($id: ID!) {
    order(id: $id) {
      id orderNo status createdAt
      deliveryAddress { ${SNAPSHOT_FIELDS} }
      supplierOrders { id supplierId status carrier trackingNo shipTo { ${SNAPSHOT_FIELDS} } lines { id productTitle sku spec unit quantity } }
    }
  }
`;

export interface SupplierStoreData {
  supplier: {
    id: string;
    name: string;
    kind: string;
    status: string;
    linkageMechanism: string;
    linkedHouseholdCount: number;
    county: { code: string; name: string } | null;
  } | null;
}

export const SUPPLIER_STORE = /* GraphQL */ `
  query SupplierStore($id: ID!) {
    supplier(id: $id) {
      id
      name
      kind
      status
      linkageMechanism
      linkedHouseholdCount
      county {
        code
        name
      }
    }
  }
`;

export interface CertifiedCountData {
  products: { totalCount: number };
}

/** How many of a supplier's products hold a certification valid today. */
export const SUPPLIER_CERTIFIED_COUNT = /* GraphQL */ `
  query SupplierCertifiedCount($supplierId: ID!) {
    products(filter: { supplierId: $supplierId, certifiedOnly: true }, first: 1) {
      totalCount
    }
  }
`;

export const PRODUCT_SORTS = ['RELEVANCE', 'NEWEST', 'PRICE_ASC', 'PRICE_DESC', 'SALES'] as const;
export type ProductSort = (typeof PRODUCT_SORTS)[number];

export type SortedProductsData = {
  products: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: Array<{ node: ProductCardData }>;
  };
};

export const SORTED_PRODUCTS = /* GraphQL */ `
  query SortedProducts($filter: ProductFilter, $first: Int, $after: String, $sort: ProductSort) {
    products(filter: $filter, first: $first, after: $after, sort: $sort) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          title
          originRegion {
            code
            name
            path {
              code
              name
              level
            }
          }
          supplier {
            id
            name
          }
          certification {
            status
            certificateNo
            validFrom
            validTo
          }
          minRetailPrice
          images {
            id
            url
          }
        }
      }
    }
  }
`;
