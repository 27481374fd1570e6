// Issue 15, item 2 (suppliers): the shipping queue's tab counts, editing products and variants, the
// product gallery (upload over REST, reorder, delete) and documents on a certification application.
import type { ResultOf } from '../lib/graphql';
import { graphql } from './generated';
import { postFile, restFetch } from './rest';

import type { EditableProductFragment, SupplierOrderTab } from './generated/graphql';
export type { UpdateVariantInput } from './generated/graphql';

export type SupplierTab = SupplierOrderTab;
export type SupplierOrderCounts = SupplierOrderCountsData['supplierOrderCounts'];
export type EditableProduct = EditableProductFragment;
export type EditableImage = EditableProduct['images'][number];
export type EditableVariant = EditableProduct['variants'][number];
export type CertificationDocumentsData = ResultOf<typeof CERTIFICATION_DOCUMENTS>;
export type CertificationDocumentRecord = NonNullable<CertificationDocumentsData['certification']>['documents'][number];

export const SUPPLIER_TABS = ['TO_SHIP', 'SHIPPED', 'DELIVERED', 'ALL'] as const satisfies readonly SupplierTab[];
export const COUNT_KEY: Record<SupplierTab, keyof SupplierOrderCounts> = {
  TO_SHIP: 'toShip',
  SHIPPED: 'shipped',
  DELIVERED: 'delivered',
  ALL: 'all',
};

export const SUPPLIER_ORDER_COUNTS = graphql(`
  query SupplierOrderCounts($supplierId: ID!) {
    supplierOrderCounts(supplierId: $supplierId) {
      toShip
      shipped
      delivered
      all
    }
  }
`);
export type SupplierOrderCountsData = ResultOf<typeof SUPPLIER_ORDER_COUNTS>;

// ── editing products ─────────────────────────────────────────────────────────────

/** A gallery image, in the editor and after reordering. */
export const PRODUCT_IMAGE_FIELDS = graphql(`
  fragment ProductImageFields on ProductImage {
    id
    url
    thumbnailUrl
    sort
    width
    height
  }
`);

export const EDITABLE = graphql(`
  fragment EditableProduct on Product {
    id
    title
    description
    status
    images {
      ...ProductImageFields
    }
    variants {
      ...SupplierVariant
    }
  }
`);

export const EDITABLE_PRODUCT = graphql(`
  query EditableProduct($id: ID!) {
    product(id: $id) {
      ...EditableProduct
    }
  }
`);
export type EditableProductData = ResultOf<typeof EDITABLE_PRODUCT>;

export const UPDATE_PRODUCT = graphql(`
  mutation UpdateProduct($input: UpdateProductInput!) {
    updateProduct(input: $input) {
      ...EditableProduct
    }
  }
`);

export const UPDATE_VARIANT = graphql(`
  mutation UpdateVariant($input: UpdateVariantInput!) {
    updateVariant(input: $input) {
      ...SupplierVariant
    }
  }
`);
export type UpdateVariantData = ResultOf<typeof UPDATE_VARIANT>;

export const REORDER_IMAGES = graphql(`
  mutation ReorderProductImages($productId: ID!, $imageIds: [ID!]!) {
    reorderProductImages(productId: $productId, imageIds: $imageIds) {
      ...ProductImageFields
    }
  }
`);
export type ReorderImagesData = ResultOf<typeof REORDER_IMAGES>;

export const REMOVE_IMAGE = graphql(`
  mutation RemoveProductImage($imageId: ID!) {
    removeProductImage(imageId: $imageId)
  }
`);

// ── certification documents ──────────────────────────────────────────────────────

export const CERTIFICATION_DOCUMENTS = graphql(`
  query CertificationDocuments($id: ID!) {
    certification(id: $id) {
      id
      status
      documents {
        ...CertificationDocumentFields
      }
    }
  }
`);
// ── raw uploads (REST: the bytes are not GraphQL) ────────────────────────────────

export const uploadProductImage = (productId: string, file: File) =>
  postFile<{ id: string; url: string }>(`/files/products/${encodeURIComponent(productId)}/images`, file, {
    contentType: file.type || 'application/octet-stream',
  });
export const uploadCertificationDocument = (certificationId: string, file: File) =>
  postFile<{ id: string; url: string }>(
    `/files/certifications/${encodeURIComponent(certificationId)}/documents`,
    file,
    {
      contentType: file.type || 'application/octet-stream',
    },
  );

/** Opens a document in a new tab: the route wants the bearer token, so a plain link cannot fetch it. */
export async function openProtectedFile(url: string): Promise<void> {
  const opened = window.open('', '_blank');
  try {
    const res = await restFetch(url);
    const href = URL.createObjectURL(await res.blob());
    if (opened) opened.location.href = href;
    else window.location.href = href;
  } catch (e) {
    opened?.close();
    throw e;
  }
}
