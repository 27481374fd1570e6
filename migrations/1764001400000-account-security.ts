import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accounts that can be shut at once. `token_version` is copied into every sign-in token; a password
 * change, "sign out everywhere" or an administrator disabling the account increments it, so every
 * token issued before stops working on its next request (the guard already reads this row by its
 * key on every signed-in request, so the check costs nothing extra). `account_event` is the user's
 * own security log: how the owner of an email learns that someone tried to register it, and when
 * the password was changed or the account disabled.
 */
export class AccountSecurity1764001400000 implements MigrationInterface {
  name = 'AccountSecurity1764001400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE app_user ADD COLUMN token_version integer NOT NULL DEFAULT 0`);
    await q.query(`
      CREATE TABLE account_event (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('REGISTRATION_ATTEMPT','PASSWORD_CHANGED','SIGNED_OUT_EVERYWHERE','DISABLED','ENABLED')),
        actor_user_id uuid REFERENCES app_user(id),
        ip text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX account_event_user_idx ON account_event (user_id, created_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE account_event`);
    await q.query(`ALTER TABLE app_user DROP COLUMN token_version`);
  }
}
