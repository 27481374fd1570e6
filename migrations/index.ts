// Every schema change is a migration listed here, in order; the app never synchronizes.
import { Foundation1764000000000 } from './1764000000000-foundation';
import { Catalog1764000100000 } from './1764000100000-catalog';
import { ProductEvents1764000300000 } from './1764000300000-product-events';

export const migrations = [Foundation1764000000000, Catalog1764000100000, ProductEvents1764000300000];
