import { Module } from '@nestjs/common';
import { OBJECT_STORAGE } from './object-storage';
import { createObjectStorage } from './storage.factory';

/**
 * Provides OBJECT_STORAGE to every domain that keeps files (catalog images, order and certification
 * documents, complaint and produce photos). Core config cannot be extended from here, so storage reads its
 * own variables (STORAGE_DIR, S3_*). Nest builds one instance however many modules import this.
 */
@Module({
  providers: [{ provide: OBJECT_STORAGE, useFactory: () => createObjectStorage(process.env) }],
  exports: [OBJECT_STORAGE],
})
export class StorageModule {}
