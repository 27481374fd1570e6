import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 14: photos of produce taken with the farmer's phone (POST /produce-files/images). A row per
 * upload records who uploaded it, so an offer can only carry its own uploader's photos (or the
 * assisting coordinator's), and only recorded keys are served.
 */
export class ProduceImages1764002100100 implements MigrationInterface {
  name = 'ProduceImages1764002100100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE produce_image (
        storage_key text PRIMARY KEY CHECK (storage_key LIKE 'produce/%'),
        uploaded_by_user_id uuid NOT NULL REFERENCES app_user(id),
        content_type text NOT NULL,
        size_bytes integer NOT NULL CHECK (size_bytes > 0),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE produce_image`);
  }
}
