// Public catalogue: the hall's channels, categories, the product list and a product page.
import type { ResultOf } from '../lib/graphql';
import { graphql } from './generated';
import type { ProductCardFragment } from './generated/graphql';

export type ProductCardData = ProductCardFragment;
export type ProductDetail = NonNullable<ProductData['product']>;
export type VariantDetail = ProductDetail['variants'][number];
export type RegionRef = NonNullable<ProductCardData['originRegion']>['path'][number];
export type Category = CategoriesData['categories'][number];
export type Channel = ChannelsData['channels'][number];

export const PRODUCT_CARD = graphql(`
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
`);

/** Product cards, a page at a time; without `sort` the API's default order (relevance when searching). */
export const PRODUCTS = graphql(`
  query Products($filter: ProductFilter, $first: Int, $after: String, $sort: ProductSort) {
    products(filter: $filter, first: $first, after: $after, sort: $sort) {
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
`);
export type ProductsData = ResultOf<typeof PRODUCTS>;

/** The product page: what its card shows, and the rest. */
export const PRODUCT = graphql(`
  query Product($id: ID!) {
    product(id: $id) {
      ...ProductCard
      description
      status
      category {
        id
        name
        nameEn
      }
      certification {
        issuer
        batch
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
`);
export type ProductData = ResultOf<typeof PRODUCT>;

export const CATEGORIES = graphql(`
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
`);
export type CategoriesData = ResultOf<typeof CATEGORIES>;

export const CHANNELS = graphql(`
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
`);
export type ChannelsData = ResultOf<typeof CHANNELS>;

export const REGION_PATH = graphql(`
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
`);
export type RegionPathData = ResultOf<typeof REGION_PATH>;
