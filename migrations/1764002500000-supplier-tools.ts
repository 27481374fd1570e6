import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 15, item 2 (suppliers):
 * - `product_image.thumb_key` (libs/catalog): a 320 px WebP made with sharp at upload, next to the
 *   untouched original; NULL for images stored before thumbnails existed (clients fall back to the original).
 *   `width`/`height` are the original's pixel size. `sort` stays the position a supplier reorders.
 * - `certification_document` (libs/certification): PDFs and photos a supplier attaches to an
 *   application for the verifying coordinator and the platform (bytes in object storage).
 */
export class SupplierTools1764002500000 implements MigrationInterface {
  name = 'SupplierTools1764002500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE product_image
        ADD COLUMN thumb_key text UNIQUE,
        ADD COLUMN width integer,
        ADD COLUMN height integer;

      CREATE TABLE certification_document (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        certification_id uuid NOT NULL REFERENCES certification(id),
        storage_key text NOT NULL UNIQUE,
        content_type text NOT NULL CHECK (content_type IN ('application/pdf','image/jpeg','image/png')),
        size_bytes integer NOT NULL CHECK (size_bytes > 0),
        file_name text,
        uploaded_by_user_id uuid,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX certification_document_cert_idx ON certification_document (certification_id, created_at);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE certification_document;
      ALTER TABLE product_image DROP COLUMN thumb_key, DROP COLUMN width, DROP COLUMN height;
    `);
  }
}
