import { useId, useState } from 'react';
import { api } from '../../api/client';
import type { VariablesOf } from '../../lib/graphql';
import {
  PROCUREMENT_POLICY,
  SET_APPROVAL_LIMIT,
  SET_PROCUREMENT_POLICY,
  SET_SPENDING_LIMIT,
  UNIT_MEMBERS,
  type UnitMemberData,
} from '../../api/procurement';
import { DisableUserButton } from '../../components/DisableUserButton';
import { ErrorNotice, Loading } from '../../components/Feedback';
import { roleName, useI18n } from '../../i18n';
import { fenToYuanText, parseYuanToFen } from '../../lib/money';
import { useAction } from '../../lib/use-action';
import { useQuery } from '../../lib/use-query';
import { useSession } from '../../lib/session';
import { ProcurementError } from './shared';
import { ListStatus } from '../../components/ListStatus';
import { FormActions } from '../../components/FormActions';
import { Form } from '../../components/Form';
import { TextField } from '../../components/FormField';
import { TitledCard } from '../../components/TitledCard';

/** One limit (spending or approval) of one member: yuan in, fen to the API. */
function LimitField({
  orgId,
  member,
  kind,
  onSaved,
}: {
  orgId: string;
  member: UnitMemberData;
  kind: 'spending' | 'approval';
  onSaved: (fen: number) => void;
}) {
  const { t } = useI18n();
  const current = kind === 'spending' ? member.spendingLimit : member.approvalLimit;
  const [text, setText] = useState(current === null ? '' : fenToYuanText(current));
  const [saved, setSaved] = useState(false);
  const fen = parseYuanToFen(text);
  const save = useAction(async () => {
    if (fen === null) return;
    await api.request<unknown, VariablesOf<typeof SET_SPENDING_LIMIT>>(
      kind === 'spending' ? SET_SPENDING_LIMIT : SET_APPROVAL_LIMIT,
      {
        userId: member.userId,
        amount: fen,
        orgId,
      },
    );
    setSaved(true);
    onSaved(fen);
  });
  const submit = () => {
    setSaved(false);
    void save.run();
  };
  return (
    <Form className="inline-form" onSubmit={submit} noValidate data-testid={`limit-${kind}`}>
      <TextField
        compact
        label={t(`agency.team.${kind}`)}
        inputMode="decimal"
        value={text}
        aria-invalid={fen === null}
        onChange={(e) => {
          setSaved(false);
          setText(e.target.value);
        }}
      />
      <button type="submit" className="button button-quiet" disabled={save.busy || fen === null || fen === current}>
        {t('agency.team.save')}
      </button>
      {fen === null && <p className="hint">{t('agency.team.amountHint')}</p>}
      {saved && !save.error && (
        <p className="notice notice-ok small" role="status">
          {t('agency.team.saved')}
        </p>
      )}
      <ProcurementError error={save.error} />
    </Form>
  );
}

function PolicyForm({ orgId }: { orgId: string }) {
  const { t } = useI18n();
  const id = useId();
  const policy = useQuery(PROCUREMENT_POLICY, { orgId });
  const loaded = policy.data?.procurementPolicy;
  const [skip, setSkip] = useState<boolean | null>(null);
  const [window, setWindow] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const skipValue = skip ?? loaded?.skipApprovalBelowLimit ?? false;
  const windowText = window ?? String(loaded?.splitWindowMinutes ?? 1440);
  const minutes = /^\d{1,5}$/.test(windowText.trim()) ? Number(windowText.trim()) : null;
  const save = useAction(async () => {
    if (minutes === null) return;
    const data = await api.request(SET_PROCUREMENT_POLICY, {
      orgId,
      input: { skipApprovalBelowLimit: skipValue, splitWindowMinutes: minutes },
    });
    policy.setData(() => ({ procurementPolicy: data.setProcurementPolicy }));
    setSkip(null);
    setWindow(null);
    setSaved(true);
  });
  if (policy.loading && !loaded) return <Loading />;
  return (
    <Form
      className="stack"
      data-testid="policy-form"
      noValidate
      onSubmit={() => {
        setSaved(false);
        void save.run();
      }}
    >
      <ErrorNotice error={policy.error} onRetry={policy.reload} />
      <label className="check" htmlFor={`${id}-skip`}>
        <input id={`${id}-skip`} type="checkbox" checked={skipValue} onChange={(e) => setSkip(e.target.checked)} />
        <span>{t('agency.team.skipApproval')}</span>
      </label>
      <TextField
        compact
        label={t('agency.team.splitWindow')}
        inputMode="numeric"
        value={windowText}
        aria-invalid={minutes === null}
        onChange={(e) => setWindow(e.target.value)}
      />
      <p className="hint">{t('agency.team.splitWindowHint')}</p>
      <ProcurementError error={save.error} />
      {saved && !save.error && (
        <p className="notice notice-ok small" role="status">
          {t('agency.team.saved')}
        </p>
      )}
      <FormActions label={t('agency.team.savePolicy')} disabled={save.busy || minutes === null} />
    </Form>
  );
}

/** 成员与限额: the unit's members with their per-request limits, and the approval policy (AGENCY_ADMIN). */
export function TeamTab({ orgId }: { orgId: string }) {
  const { t } = useI18n();
  const { me } = useSession();
  const members = useQuery(UNIT_MEMBERS, { orgId });
  const rows = members.data?.unitMembers ?? [];
  const update = (userId: string, patch: Partial<UnitMemberData>) =>
    members.setData(
      (d) => d && { unitMembers: d.unitMembers.map((m) => (m.userId === userId ? { ...m, ...patch } : m)) },
    );
  return (
    <div className="stack">
      <TitledCard title={t('agency.team.title')} testId="unit-members">
        <p className="muted small">{t('agency.team.lead')}</p>
        <ListStatus
          error={members.error}
          onRetry={members.reload}
          loading={members.loading && rows.length === 0}
          empty={rows.length === 0}
          emptyText={t('agency.team.empty')}
        />
        <ul className="row-list">
          {rows.map((m) => (
            <li key={m.userId} className="row" data-testid="unit-member" data-user-id={m.userId}>
              <div className="row-main">
                <div className="row-title">
                  {m.displayName}
                  {m.phone && <span className="muted small">{m.phone}</span>}
                </div>
                <p className="small muted">{m.roles.map((r) => roleName(t, r)).join(' · ')}</p>
              </div>
              {m.spendingLimit !== null && (
                <LimitField
                  orgId={orgId}
                  member={m}
                  kind="spending"
                  onSaved={(fen) => update(m.userId, { spendingLimit: fen })}
                />
              )}
              {m.approvalLimit !== null && (
                <LimitField
                  orgId={orgId}
                  member={m}
                  kind="approval"
                  onSaved={(fen) => update(m.userId, { approvalLimit: fen })}
                />
              )}
              {m.userId !== me?.id && <DisableUserButton userId={m.userId} />}
            </li>
          ))}
        </ul>
      </TitledCard>
      <TitledCard title={t('agency.team.policyTitle')}>
        <PolicyForm orgId={orgId} />
      </TitledCard>
    </div>
  );
}
