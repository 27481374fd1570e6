// Public catalogue: the hall's channels, categories, the product list and a product page.
import type { CertificationInfo } from '../lib/certification';
import type { ConnectionPage } from '../lib/use-connection';

export interface RegionRef {
  code: string;
  name: string;
  level: number;
}

export interface ProductCardData {
  id: string;
  title: string;
  originRegion: { code: string; name: string; path: RegionRef[] } | null;
  supplier: { id: string; name: string } | null;
  certification: CertificationInfo | null;
  /** The cheapest active variant's retail price (fen). */
  minRetailPrice: number | null;
  images: Array<{ id: string; url: string }>;
}

export interface VariantDetail {
  id: string;
  sku: string;
  spec: string;
  unit: string;
  retailPrice: number;
  agencyPrice: number;
  marketReferencePrice: number;
  stockAvailable: number;
  /** Inactive variants are no longer sold. */
  active?: boolean;
}

export interface ProductDetail extends ProductCardData {
  description: string;
  status: string;
  category: { id: string; name: string; nameEn: string } | null;
  certification: (CertificationInfo & { issuer: string | null; batch: string | null }) | null;
  incomeShare: { householdCount: number; perUnitToHouseholds: number | null } | null;
  variants: VariantDetail[];
}

export interface Category {
  id: string;
  parentId: string | null;
  code: string;
  name: string;
  nameEn: string;
  sort: number;
}

export interface Channel {
  id: string;
  kind: 'HALL' | 'ZONE' | 'COUNTER' | string;
  name: string;
  online: boolean;
  address: string;
  region: { code: string; name: string } | null;
  productCount: number;
}

const PRODUCT_CARD = /* GraphQL */ `
  fragment ProductCard on Product {
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
`;

export const PRODUCTS = /* GraphQL */ `
  query Products($filter: ProductFilter, $first: Int, $after: String) {
    products(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...ProductCard
        }
      }
    }
  }
  ${PRODUCT_CARD}
`;
export type ProductsData = { products: ConnectionPage<ProductCardData> };

export const PRODUCT = /* GraphQL */ `
  query Product($id: ID!) {
    product(id: $id) {
      id
      title
      description
      status
      category {
        id
        name
        nameEn
      }
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
        issuer
        batch
        validFrom
        validTo
      }
      minRetailPrice
      images {
        id
        url
      }
      incomeShare {
        householdCount
        perUnitToHouseholds
      }
      variants {
        id
        sku
        spec
        unit
        retailPrice
        agencyPrice
        marketReferencePrice
        stockAvailable
        active
      }
    }
  }
`;
export type ProductData = { product: ProductDetail | null };

export const CATEGORIES = /* GraphQL */ `
  query Categories {
    categories {
      id
      parentId
      code
      name
      nameEn
      sort
    }
  }
`;
export type CategoriesData = { categories: Category[] };

export const CHANNELS = /* GraphQL */ `
  query Channels {
    channels {
      id
      kind
      name
      online
      address
      region {
        code
        name
      }
      productCount
    }
  }
`;
export type ChannelsData = { channels: Channel[] };

export const REGION_PATH = /* GraphQL */ `
  query RegionPath($code: String!) {
    region(code: $code) {
      code
      name
      level
      path {
        code
        name
        level
      }
    }
  }
`;
export type RegionPathData = { region: (RegionRef & { path: RegionRef[] }) | null };
