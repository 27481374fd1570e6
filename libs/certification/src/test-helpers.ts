import { DataSource } from 'typeorm';
import { startWithDataSource } from '@bangfu/testing';
import { CertificationModule } from './certification.module';

/** Spec support (not exported from the lib): the real server with certification and the domains it reads. */
export function startCertificationServer() {
  return startWithDataSource({ imports: [CertificationModule] });
}

/** The first village (level 5) of the seeded region tree under a county prefix (default 江口县). */
export async function firstVillage(ds: DataSource, countyPrefix = '520621'): Promise<string> {
  const [{ code }] = await ds.query(`SELECT code FROM region WHERE code LIKE $1 AND level = 5 ORDER BY code LIMIT 1`, [
    `${countyPrefix}%`,
  ]);
  return code;
}
