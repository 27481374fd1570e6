import {
  DynamicModule,
  Global,
  Inject,
  Injectable,
  Logger,
  Module,
  OnApplicationShutdown,
  Optional,
} from '@nestjs/common';
import {
  DataSource,
  type EntityManager,
  type EntityTarget,
  type MixedList,
  type ObjectLiteral,
  type Repository,
} from 'typeorm';
import { APP_CONFIG, type AppConfig } from './config';
import type { RequestContext } from './request-context';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
type EntityList = MixedList<Function>;

export function createDataSource(
  url: string,
  entities: EntityList,
  migrations: EntityList,
  poolSize = 10,
  applicationName = 'bangfu',
): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    entities,
    migrations,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    poolSize,
    extra: { application_name: applicationName },
  });
}

/** The read replicas' data sources (DATABASE_REPLICA_URLS), in the order configured; empty without replicas. */
export const REPLICA_DATA_SOURCES = Symbol('REPLICA_DATA_SOURCES');
/** Where `Db.reader` keeps the request's replica in the context's per-request map (loaders' names have no '#'). */
const REPLICA_OF_REQUEST = '#replica';

/**
 * The one way services reach the database: `db.manager(ctx)` joins the context's transaction when
 * there is one, and `db.transaction(ctx, fn)` makes a mutation all-or-nothing.
 */
/** Runs inside an audited operation's outermost transaction, after its work and before COMMIT. */
export type CommitHook = (tx: RequestContext, result: unknown) => Promise<void>;

@Injectable()
export class Db {
  private readonly commitHooks: CommitHook[] = [];
  private nextReplica = 0;
  constructor(
    readonly dataSource: DataSource,
    @Optional() @Inject(REPLICA_DATA_SOURCES) private readonly replicas: readonly DataSource[] = [],
  ) {}

  /**
   * libs/audit registers here: every outermost `transaction` of a context carrying an audit scope
   * calls the hooks last, so the audit event commits (or rolls back) with the effect it records.
   */
  onCommit(hook: CommitHook): void {
    this.commitHooks.push(hook);
  }

  manager(ctx: RequestContext): EntityManager {
    return ctx.em ?? this.dataSource.manager;
  }

  repo<T extends ObjectLiteral>(ctx: RequestContext, entity: EntityTarget<T>): Repository<T> {
    return this.manager(ctx).getRepository(entity);
  }

  /**
   * For reads that tolerate a few seconds of replication lag — catalog browsing, search, statistics,
   * exports: a replica when DATABASE_REPLICA_URLS is set, chosen round-robin once per request and kept
   * on its context (next to its loaders), so a request's several reads see one replica's state, never
   * a mix of two replicas' lags. Inside a transaction, and during any mutation (it carries an audit
   * scope that is not read-only), the primary: a writer reads its own writes, and a read that decides a
   * write never sees an older state than the one it changes. Audited reads (exports: GET requests
   * whose only write is their audit event) use the replica.
   */
  reader(ctx: RequestContext): EntityManager {
    if (ctx.em || (ctx.audit && !ctx.audit.readOnly) || this.replicas.length === 0) return this.manager(ctx);
    let replica = ctx.loaders.get(REPLICA_OF_REQUEST) as DataSource | undefined;
    if (!replica) {
      replica = this.replicas[this.nextReplica++ % this.replicas.length];
      ctx.loaders.set(REPLICA_OF_REQUEST, replica);
    }
    return replica.manager;
  }

  /** Whether reads through `reader` can reach a replica (for health checks and tests). */
  get replicaCount(): number {
    return this.replicas.length;
  }

  /**
   * Runs fn on one consistent snapshot (REPEATABLE READ: an order counting while it reads is wholly in
   * or wholly out), or in the caller's transaction when there is one. For reports that compare tables.
   */
  snapshot<T>(ctx: RequestContext, fn: (tx: RequestContext) => Promise<T>): Promise<T> {
    if (ctx.em?.queryRunner?.isTransactionActive) return fn(ctx);
    return this.dataSource.transaction('REPEATABLE READ', (em) => fn(ctx.withManager(em)));
  }

  /** Runs fn in a transaction; nested calls join the outer one. */
  async transaction<T>(ctx: RequestContext, fn: (tx: RequestContext) => Promise<T>): Promise<T> {
    if (ctx.em?.queryRunner?.isTransactionActive) return fn(ctx);
    if (!ctx.audit || this.commitHooks.length === 0)
      return this.dataSource.transaction((em) => fn(ctx.withManager(em)));
    return this.dataSource.transaction(async (em) => {
      const tx = ctx.withManager(em);
      const result = await fn(tx);
      for (const hook of this.commitHooks) await hook(tx, result);
      return result;
    });
  }
}

@Injectable()
class DataSourceCloser implements OnApplicationShutdown {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(REPLICA_DATA_SOURCES) private readonly replicas: readonly DataSource[],
  ) {}
  async onApplicationShutdown() {
    for (const ds of [...this.replicas, this.dataSource]) if (ds.isInitialized) await ds.destroy();
  }
}

@Global()
@Module({})
export class DbModule {
  static forRoot(options: { entities: EntityList; migrations: EntityList }): DynamicModule {
    return {
      module: DbModule,
      providers: [
        {
          provide: DataSource,
          inject: [APP_CONFIG],
          useFactory: async (config: AppConfig) => {
            const ds = createDataSource(
              config.DATABASE_URL,
              options.entities,
              options.migrations,
              config.DATABASE_POOL_SIZE,
            );
            await ds.initialize();
            if (config.MIGRATIONS_RUN) {
              const ran = await ds.runMigrations({ transaction: 'each' });
              if (ran.length)
                new Logger('Db').log(`applied ${ran.length} migration(s): ${ran.map((m) => m.name).join(', ')}`);
            }
            return ds;
          },
        },
        {
          provide: REPLICA_DATA_SOURCES,
          inject: [APP_CONFIG],
          // A replica that cannot be reached at start is left out (its reads go to the primary) rather
          // than stopping the API: the primary can serve everything, only slower.
          useFactory: async (config: AppConfig) => {
            const replicas: DataSource[] = [];
            for (const [i, url] of config.DATABASE_REPLICA_URLS.entries()) {
              const ds = createDataSource(url, options.entities, [], config.DATABASE_POOL_SIZE, `bangfu-replica-${i}`);
              try {
                replicas.push(await ds.initialize());
              } catch (e) {
                new Logger('Db').error(
                  `replica ${i} is not reachable, its reads go to the primary: ${(e as Error).message}`,
                );
              }
            }
            return replicas;
          },
        },
        Db,
        DataSourceCloser,
      ],
      exports: [DataSource, Db, REPLICA_DATA_SOURCES],
    };
  }
}

/**
 * PostgreSQL data exceptions that only a client's value causes — a malformed uuid, integer or date
 * (22P02, 22007, 22008), a number out of a column's range (22003): the caller's fault, so they answer
 * BAD_USER_INPUT rather than INTERNAL_SERVER_ERROR wherever a check before the SQL was missed.
 */
const CLIENT_VALUE_ERRORS = new Set(['22P02', '22003', '22007', '22008']);

export function clientValueError(e: unknown): boolean {
  const err = e as { code?: string; driverError?: { code?: string } } | null;
  return CLIENT_VALUE_ERRORS.has(err?.driverError?.code ?? err?.code ?? '');
}

/** Whether a PostgreSQL unique violation (23505) caused this error, optionally on one named constraint. */
export function uniqueViolation(e: unknown, constraint?: string): boolean {
  const err = e as { code?: string; constraint?: string; driverError?: { code?: string; constraint?: string } } | null;
  const code = err?.driverError?.code ?? err?.code;
  const name = err?.driverError?.constraint ?? err?.constraint;
  return code === '23505' && (!constraint || name === constraint);
}
