import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 15, item 6 (forgotten password), libs/identity: one row per reset token handed out. Only the
 * token's SHA-256 is kept, so a database reader cannot reset anyone's password; `used_at` makes a
 * token single-use and `expires_at` bounds it in time. Rows stay as the account's reset history.
 * The security log (account_event) learns the two new kinds: a code was asked for, the password was reset.
 */
export class PasswordReset1764002600000 implements MigrationInterface {
  name = 'PasswordReset1764002600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE password_reset (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user(id),
        token_hash text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        CHECK (expires_at > created_at)
      );
      CREATE INDEX password_reset_user_idx ON password_reset (user_id, created_at DESC);

      ALTER TABLE account_event DROP CONSTRAINT account_event_kind_check;
      ALTER TABLE account_event ADD CONSTRAINT account_event_kind_check
        CHECK (kind IN ('REGISTRATION_ATTEMPT','PASSWORD_CHANGED','SIGNED_OUT_EVERYWHERE','DISABLED','ENABLED','PASSWORD_RESET_REQUESTED','PASSWORD_RESET'));
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DELETE FROM account_event WHERE kind IN ('PASSWORD_RESET_REQUESTED','PASSWORD_RESET');
      ALTER TABLE account_event DROP CONSTRAINT account_event_kind_check;
      ALTER TABLE account_event ADD CONSTRAINT account_event_kind_check
        CHECK (kind IN ('REGISTRATION_ATTEMPT','PASSWORD_CHANGED','SIGNED_OUT_EVERYWHERE','DISABLED','ENABLED'));
      DROP TABLE password_reset;
    `);
  }
}
