import { Injectable } from '@nestjs/common';
import { badInput, Db, type RequestContext, Role } from '@bangfu/core';
import type { AnomalyKind } from './anomaly.entities';
import { ANOMALY_RULES, EXTERNAL_FINDING_KINDS, RULE_BY_KIND, type Thresholds } from './anomaly.rules';
import type { AnomalyRuleInfo } from './anomaly.types';

const PREFIX = /^([0-9]{2,12})?$/;

/** Per-region threshold overrides of the rules (the longest matching prefix wins; '' = the whole country). */
@Injectable()
export class AnomalyThresholdService {
  constructor(private readonly db: Db) {}

  /** Every rule's overrides, read in one statement (a detection run needs all of them at once). */
  async overridesByKind(
    ctx: RequestContext,
  ): Promise<Map<string, Array<{ regionPrefix: string; thresholds: Thresholds; updatedAt: Date }>>> {
    const rows: Array<{ kind: string; region_prefix: string; thresholds: Thresholds; updated_at: Date }> = await this.db
      .manager(ctx)
      .query(`SELECT kind, region_prefix, thresholds, updated_at FROM anomaly_threshold ORDER BY region_prefix`);
    const byKind = new Map<string, Array<{ regionPrefix: string; thresholds: Thresholds; updatedAt: Date }>>();
    for (const r of rows)
      byKind.set(r.kind, [
        ...(byKind.get(r.kind) ?? []),
        { regionPrefix: r.region_prefix, thresholds: r.thresholds, updatedAt: r.updated_at },
      ]);
    return byKind;
  }

  /** The rules with their defaults and the overrides the caller may see (admins all; auditors and coordinators those on their path). */
  async rules(ctx: RequestContext): Promise<AnomalyRuleInfo[]> {
    const p = ctx.requirePrincipal();
    const mine = p.hasRole(Role.PLATFORM_ADMIN) ? null : p.regionPrefixes(Role.AUDITOR, Role.COORDINATOR);
    const visible = (prefix: string) => !mine || mine.some((s) => s.startsWith(prefix) || prefix.startsWith(s));
    const out: AnomalyRuleInfo[] = [];
    const byKind = await this.overridesByKind(ctx);
    for (const rule of ANOMALY_RULES) {
      const overrides = (byKind.get(rule.kind) ?? []).filter((o) => visible(o.regionPrefix));
      out.push({
        kind: rule.kind,
        description: rule.description,
        thresholds: Object.entries(rule.thresholds).map(([name, t]) => ({ name, defaultValue: t.default, doc: t.doc })),
        overrides: overrides.map((o) => ({
          regionPrefix: o.regionPrefix,
          updatedAt: o.updatedAt,
          values: Object.entries(o.thresholds).map(([name, value]) => ({ name, value })),
        })),
      });
    }
    return out;
  }

  /** Platform admin: replaces a region's override of one rule (no values = remove it). */
  async set(
    ctx: RequestContext,
    kind: AnomalyKind,
    regionPrefix: string,
    values: Array<{ name: string; value: number }>,
  ): Promise<AnomalyRuleInfo> {
    const rule = RULE_BY_KIND.get(kind);
    if (!rule) {
      const external = EXTERNAL_FINDING_KINDS.get(kind);
      throw badInput(
        external
          ? `${kind} is recorded by ${external.recordedBy} as it happens and has no thresholds`
          : `Unknown anomaly kind ${kind}`,
        { field: 'kind' },
      );
    }
    const prefix = String(regionPrefix ?? '').trim();
    if (!PREFIX.test(prefix))
      throw badInput('regionPrefix is 2–12 digits of a division code, or "" for the whole country', {
        field: 'regionPrefix',
      });
    const thresholds: Thresholds = {};
    for (const [i, v] of values.entries()) {
      if (!(v.name in rule.thresholds)) {
        throw badInput(`${kind} has no threshold ${v.name} (it has ${Object.keys(rule.thresholds).join(', ')})`, {
          field: `values[${i}].name`,
        });
      }
      if (!Number.isSafeInteger(v.value) || v.value < 0)
        throw badInput('Threshold values are whole numbers ≥ 0', { field: `values[${i}].value` });
      if (v.name in thresholds) throw badInput(`${v.name} is given twice`, { field: `values[${i}].name` });
      thresholds[v.name] = v.value;
    }
    await this.db.transaction(ctx, async (tx) => {
      const m = this.db.manager(tx);
      if (values.length === 0)
        await m.query(`DELETE FROM anomaly_threshold WHERE kind = $1 AND region_prefix = $2`, [kind, prefix]);
      else {
        await m.query(
          `INSERT INTO anomaly_threshold (kind, region_prefix, thresholds, updated_by) VALUES ($1, $2, $3::jsonb, $4)
           ON CONFLICT (kind, region_prefix) DO UPDATE SET thresholds = EXCLUDED.thresholds, updated_by = EXCLUDED.updated_by, updated_at = now()`,
          [kind, prefix, JSON.stringify(thresholds), tx.requirePrincipal().userId],
        );
      }
    });
    return (await this.rules(ctx)).find((r) => r.kind === kind)!;
  }
}
