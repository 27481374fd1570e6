import 'reflect-metadata';
import { ConfigError, createDataSource, loadConfig } from '@bangfu/core';
import { migrations } from '@bangfu/migrations';
import { importRegions } from '@bangfu/region';
import { RECONCILE_USAGE, runAttributionReconcile } from '@bangfu/attribution';
import { AUDIT_VERIFY_USAGE, runAuditVerify } from '@bangfu/audit';
import { CountingFactsService } from '@bangfu/ordering';
import { ENTITIES } from '@bangfu/platform';
import { runStatsReconcile, STATS_RECONCILE_USAGE } from '@bangfu/statistics';

const USAGE = `usage: node dist/api/cli.js <command>
  migrate            apply pending migrations
  migrate:revert     revert the last migration
  regions:import     load every statistical division code down to villages (~700k rows)
${RECONCILE_USAGE}
${STATS_RECONCILE_USAGE}
${AUDIT_VERIFY_USAGE}`;

/** Operational commands that need only the database, not the HTTP server. */
async function main(argv: string[]) {
  const command = argv[0];
  if (!command || command === '--help') {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const config = loadConfig();
  const ds = createDataSource(config.DATABASE_URL, ENTITIES, migrations);
  await ds.initialize();
  try {
    switch (command) {
      case 'migrate': {
        const ran = await ds.runMigrations({ transaction: 'each' });
        process.stdout.write(ran.length ? `applied: ${ran.map((m) => m.name).join(', ')}\n` : 'schema is up to date\n');
        break;
      }
      case 'migrate:revert':
        await ds.undoLastMigration({ transaction: 'each' });
        process.stdout.write('reverted the last migration\n');
        break;
      case 'regions:import': {
        await ds.runMigrations({ transaction: 'each' });
        const started = Date.now();
        const n = await importRegions(ds, { maxLevel: 5, log: (m) => process.stdout.write(`${m}\n`) });
        process.stdout.write(`imported ${n} regions in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
        break;
      }
      case 'attribution:reconcile':
        process.exitCode = await runAttributionReconcile(ds, argv.slice(1), (db) => new CountingFactsService(db));
        break;
      case 'stats:reconcile':
        process.exitCode = await runStatsReconcile(ds, argv.slice(1));
        break;
      case 'audit:verify':
        process.exitCode = await runAuditVerify(ds, argv.slice(1));
        break;
      default:
        process.stderr.write(`unknown command ${command}\n${USAGE}\n`);
        process.exitCode = 2;
    }
  } finally {
    await ds.destroy();
  }
}

main(process.argv.slice(2)).catch((e) => {
  process.stderr.write(`${e instanceof ConfigError ? e.message : (e as Error).stack}\n`);
  process.exit(e instanceof ConfigError ? 2 : 1);
});
