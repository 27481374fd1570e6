// Issue 15, item 1 (buyers): address book, delivery addresses on orders, supplier store, hall page.
import type { ResultOf } from '../lib/graphql';
import { graphql } from './generated';

import type { AddressFieldsFragment, AddressSnapshotFieldsFragment, ProductSort } from './generated/graphql';
export type { AddressInput, ProductSort } from './generated/graphql';

export type AddressData = AddressFieldsFragment;
/** What an order keeps of the address chosen at checkout; the phone may be masked (138****5678). */
export type AddressSnapshot = AddressSnapshotFieldsFragment;
export type OrderAddressData = ResultOf<typeof ORDER_ADDRESS>;
export type SupplierStoreData = ResultOf<typeof SUPPLIER_STORE>;
export type CertifiedCountData = ResultOf<typeof SUPPLIER_CERTIFIED_COUNT>;

export const ADDRESS_FIELDS = graphql(`
  fragment AddressFields on CustomerAddress {
    id
    recipient
    phone
    regionCode
    regionPath
    detail
    isDefault
  }
`);

export const MY_ADDRESSES = graphql(`
  query MyAddresses {
    myAddresses {
      ...AddressFields
    }
  }
`);
export type MyAddressesData = ResultOf<typeof MY_ADDRESSES>;

export const CREATE_ADDRESS = graphql(`
  mutation CreateAddress($input: AddressInput!) {
    createAddress(input: $input) {
      ...AddressFields
    }
  }
`);
export type CreateAddressData = ResultOf<typeof CREATE_ADDRESS>;

export const UPDATE_ADDRESS = graphql(`
  mutation UpdateAddress($id: ID!, $input: AddressInput!) {
    updateAddress(id: $id, input: $input) {
      ...AddressFields
    }
  }
`);

export const SET_DEFAULT_ADDRESS = graphql(`
  mutation SetDefaultAddress($id: ID!) {
    setDefaultAddress(id: $id) {
      ...AddressFields
    }
  }
`);

export const DELETE_ADDRESS = graphql(`
  mutation DeleteAddress($id: ID!) {
    deleteAddress(id: $id)
  }
`);

export const SNAPSHOT_FIELDS = graphql(`
  fragment AddressSnapshotFields on AddressSnapshot {
    recipient
    phone
    regionCode
    regionPath
    detail
  }
`);

/** The order's delivery address, and per supplier order the ship-to (full phone for its own staff). */
export const ORDER_ADDRESS = graphql(`
  query OrderAddress($id: ID!) {
    order(id: $id) {
      id
      orderNo
      status
      createdAt
      deliveryAddress {
        ...AddressSnapshotFields
      }
      supplierOrders {
        id
        supplierId
        status
        carrier
        trackingNo
        shipTo {
          ...AddressSnapshotFields
        }
        lines {
          id
          productTitle
          sku
          spec
          unit
          quantity
        }
      }
    }
  }
`);

export const SUPPLIER_STORE = graphql(`
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
`);

/** How many of a supplier's products hold a certification valid today. */
export const SUPPLIER_CERTIFIED_COUNT = graphql(`
  query SupplierCertifiedCount($supplierId: ID!) {
    products(filter: { supplierId: $supplierId, certifiedOnly: true }, first: 1) {
      totalCount
    }
  }
`);

export const PRODUCT_SORTS = [
  'RELEVANCE',
  'NEWEST',
  'PRICE_ASC',
  'PRICE_DESC',
  'SALES',
] as const satisfies readonly ProductSort[];
