export * from './catalog.module';
export * from './catalog.rules';
export * from './category.entity';
export * from './category.service';
export * from './image.service';
export { checkImage, IMAGE_TYPES, imageTooLarge } from './image-check';
export { checkDecodableImage } from './thumbnail';
export {
  checkDocument,
  DOCUMENT_TYPES,
  documentTooLarge,
  MAX_DOCUMENT_BYTES,
  sniffDocumentType,
} from './document-check';
export * from './lot.entity';
export * from './lot.service';
export * from './product.entity';
export * from './product.service';
export * from './product-search.service';
export * from './search-text';
export * from './stock.service';
export * from './stored-document';
export * from './variant.entity';
export * from './variant.service';
export * from './catalog.errors';
export * from './catalog.seed';
