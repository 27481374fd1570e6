import { type FormEvent, useId, useState } from 'react';
import { SET_USER_DISABLED } from '../../api/account';
import {
  type AdminUser,
  CREATE_ORGANIZATION,
  CREATE_USER,
  GRANT_MEMBERSHIP,
  ORGANIZATIONS,
  REVOKE_MEMBERSHIP,
  USERS,
} from '../../api/admin';
import { api } from '../../api/client';
import type { OrganizationKind, Role } from '../../api/generated/graphql';
import { ErrorNotice, Loading } from '../../components/Feedback';
import { SelectField } from '../../components/SelectField';
import { orgKindName, roleName, useI18n } from '../../i18n';
import { formatDateTime } from '../../lib/dates';
import { useAction } from '../../lib/use-action';
import { useQuery } from '../../lib/use-query';
import { ConfirmAction } from './ConfirmAction';

/** Which organisation kind a role is held in (mirrors ROLE_ORGANIZATION_KIND on the server); null: none. */
const ROLE_ORG_KIND: Record<string, string | null> = {
  PURCHASER: 'AGENCY',
  APPROVER: 'AGENCY',
  AGENCY_ADMIN: 'AGENCY',
  SUPPLIER_ADMIN: 'SUPPLIER',
  SUPPLIER_STAFF: 'SUPPLIER',
  COORDINATOR: 'COORDINATION_OFFICE',
  AUDITOR: 'COORDINATION_OFFICE',
  PLATFORM_ADMIN: 'PLATFORM',
  CUSTOMER: null,
};
const GRANTABLE = Object.keys(ROLE_ORG_KIND);
const REGION_ROLES = new Set(['COORDINATOR', 'AUDITOR']);
const ORG_KINDS = ['AGENCY', 'SUPPLIER', 'COORDINATION_OFFICE', 'PLATFORM'];

interface RoleChoice {
  role: string;
  organizationId: string;
  regionPrefix: string;
}

/** Role, organisation (of the kind the role needs) and region prefix (coordinators, auditors). */
function RoleFields({ value, onChange }: { value: RoleChoice; onChange: (v: RoleChoice) => void }) {
  const { t } = useI18n();
  const id = useId();
  const kind = ROLE_ORG_KIND[value.role];
  const orgs = useQuery(ORGANIZATIONS, { kind: kind as OrganizationKind | null }, { skip: !kind });
  return (
    <>
      <SelectField
        compact
        label={t('admin.users.role')}
        value={value.role}
        onChange={(e) => onChange({ role: e.target.value, organizationId: '', regionPrefix: '' })}
      >
        {GRANTABLE.map((r) => (
          <option key={r} value={r}>
            {roleName(t, r)}
          </option>
        ))}
      </SelectField>
      {kind && (
        <SelectField
          compact
          label={t('admin.users.organization')}
          required
          value={value.organizationId}
          onChange={(e) => onChange({ ...value, organizationId: e.target.value })}
        >
          <option value="">{t('admin.users.chooseOrg')}</option>
          {(orgs.data?.organizations ?? []).map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </SelectField>
      )}
      {REGION_ROLES.has(value.role) && (
        <label className="field field-compact" htmlFor={`${id}-prefix`}>
          <span>{t('admin.users.regionPrefix')}</span>
          <input
            id={`${id}-prefix`}
            required
            inputMode="numeric"
            pattern="[0-9]{2,12}"
            value={value.regionPrefix}
            onChange={(e) => onChange({ ...value, regionPrefix: e.target.value })}
          />
        </label>
      )}
    </>
  );
}

const roleInput = (c: RoleChoice) => ({
  role: c.role as Role,
  organizationId: c.organizationId || null,
  regionPrefix: REGION_ROLES.has(c.role) ? c.regionPrefix : null,
});

function UserRow({ user, onChanged }: { user: AdminUser; onChanged: () => void }) {
  const { t, locale } = useI18n();
  const [granting, setGranting] = useState(false);
  const [choice, setChoice] = useState<RoleChoice>({ role: 'PURCHASER', organizationId: '', regionPrefix: '' });
  const grant = useAction(async () => {
    await api.request(GRANT_MEMBERSHIP, { input: { userId: user.id, ...roleInput(choice) } });
    setGranting(false);
    onChanged();
  });
  const enable = useAction(async () => {
    await api.request(SET_USER_DISABLED, { userId: user.id, disabled: false });
    onChanged();
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void grant.run();
  };
  return (
    <li className="row" data-testid="admin-user" data-status={user.status}>
      <div className="row-main">
        <div className="row-title">
          <span>{user.displayName}</span>
          {user.status !== 'ACTIVE' && <span className="chip chip-warning">{t('account.disable.isDisabled')}</span>}
        </div>
        <p className="muted small">
          {[user.email, user.phone].filter(Boolean).join(' · ')} · {formatDateTime(user.createdAt, locale)}
        </p>
        <div className="admin-memberships">
          {user.memberships.map((m) => (
            <span key={m.id} className="admin-membership">
              {roleName(t, m.role)}
              {m.organization ? ` · ${m.organization.name}` : ''}
              {m.regionPrefix ? ` · ${m.regionPrefix}` : ''}
              <ConfirmAction
                label={t('admin.users.revoke')}
                title={t('admin.users.revokeTitle', { role: roleName(t, m.role), name: user.displayName })}
                onConfirm={async () => {
                  await api.request(REVOKE_MEMBERSHIP, { id: m.id });
                  onChanged();
                }}
              />
            </span>
          ))}
        </div>
        {granting && (
          <form className="admin-form" onSubmit={submit}>
            <div className="form-grid">
              <RoleFields value={choice} onChange={setChoice} />
            </div>
            <ErrorNotice error={grant.error} />
            <div className="form-actions">
              <button type="submit" className="button button-primary" disabled={grant.busy}>
                {t('admin.users.grant')}
              </button>
              <button type="button" className="button button-quiet" onClick={() => setGranting(false)}>
                {t('form.cancel')}
              </button>
            </div>
          </form>
        )}
        <ErrorNotice error={enable.error} />
      </div>
      <div className="row-actions">
        {!granting && (
          <button type="button" className="button button-quiet" onClick={() => setGranting(true)}>
            {t('admin.users.grant')}
          </button>
        )}
        {user.status === 'ACTIVE' ? (
          <ConfirmAction
            label={t('account.disable.disable')}
            title={t('admin.users.disableTitle', { name: user.displayName })}
            body={t('account.disable.confirm')}
            onConfirm={async () => {
              await api.request(SET_USER_DISABLED, { userId: user.id, disabled: true });
              onChanged();
            }}
          />
        ) : (
          <button
            type="button"
            className="button button-quiet"
            disabled={enable.busy}
            onClick={() => void enable.run()}
          >
            {t('account.disable.enable')}
          </button>
        )}
      </div>
    </li>
  );
}

function CreateUserForm({ onDone }: { onDone: () => void }) {
  const { t } = useI18n();
  const id = useId();
  const [form, setForm] = useState({ displayName: '', email: '', phone: '', password: '' });
  const [choice, setChoice] = useState<RoleChoice>({ role: 'PURCHASER', organizationId: '', regionPrefix: '' });
  const create = useAction(async () => {
    await api.request(CREATE_USER, {
      input: {
        displayName: form.displayName,
        email: form.email || null,
        phone: form.phone || null,
        password: form.password,
        ...roleInput(choice),
      },
    });
    setForm({ displayName: '', email: '', phone: '', password: '' });
    onDone();
  });
  const text = (key: keyof typeof form, label: string, type = 'text', required = false) => (
    <label className="field field-compact" htmlFor={`${id}-${key}`}>
      <span>{label}</span>
      <input
        id={`${id}-${key}`}
        type={type}
        required={required}
        autoComplete="off"
        value={form[key]}
        onChange={(e) => setForm({ ...form, [key]: e.target.value })}
      />
    </label>
  );
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void create.run();
      }}
    >
      <div className="form-grid">
        {text('displayName', t('admin.users.name'), 'text', true)}
        {text('email', t('admin.users.email'), 'email')}
        {text('phone', t('admin.users.phone'), 'tel')}
        {text('password', t('admin.users.password'), 'password', true)}
        <RoleFields value={choice} onChange={setChoice} />
      </div>
      <ErrorNotice error={create.error} />
      <button type="submit" className="button button-primary" disabled={create.busy}>
        {t('admin.users.create')}
      </button>
    </form>
  );
}

function CreateOrgForm({ onDone }: { onDone: () => void }) {
  const { t } = useI18n();
  const id = useId();
  const [form, setForm] = useState({ name: '', kind: 'AGENCY', creditCode: '', regionCode: '' });
  const create = useAction(async () => {
    await api.request(CREATE_ORGANIZATION, {
      input: {
        name: form.name,
        kind: form.kind as OrganizationKind,
        creditCode: form.creditCode || null,
        regionCode: form.regionCode || null,
      },
    });
    setForm({ ...form, name: '', creditCode: '' });
    onDone();
  });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void create.run();
      }}
    >
      <div className="form-grid">
        <label className="field field-compact" htmlFor={`${id}-name`}>
          <span>{t('admin.orgs.name')}</span>
          <input
            id={`${id}-name`}
            required
            value={form.name}
            onChange={(e) => setForm({ ...form, name: e.target.value })}
          />
        </label>
        <SelectField
          compact
          label={t('admin.orgs.kind')}
          value={form.kind}
          onChange={(e) => setForm({ ...form, kind: e.target.value })}
        >
          {ORG_KINDS.map((k) => (
            <option key={k} value={k}>
              {orgKindName(t, k)}
            </option>
          ))}
        </SelectField>
        <label className="field field-compact" htmlFor={`${id}-credit`}>
          <span>{t('admin.suppliers.creditCode')}</span>
          <input
            id={`${id}-credit`}
            value={form.creditCode}
            onChange={(e) => setForm({ ...form, creditCode: e.target.value.toUpperCase() })}
          />
        </label>
        <label className="field field-compact" htmlFor={`${id}-region`}>
          <span>{t('admin.orgs.regionCode')}</span>
          <input
            id={`${id}-region`}
            inputMode="numeric"
            pattern="[0-9]{12}"
            value={form.regionCode}
            onChange={(e) => setForm({ ...form, regionCode: e.target.value })}
          />
        </label>
      </div>
      <ErrorNotice error={create.error} />
      <button type="submit" className="button button-primary" disabled={create.busy}>
        {t('admin.orgs.create')}
      </button>
    </form>
  );
}

/** Accounts and organisations: search, create, disable, grant and revoke roles. */
export function UsersSection() {
  const { t } = useI18n();
  const id = useId();
  const [search, setSearch] = useState('');
  const [query, setQuery] = useState('');
  const [role, setRole] = useState('');
  const users = useQuery(USERS, { search: query || null, role: (role || null) as Role | null, first: 50 });
  const orgs = useQuery(ORGANIZATIONS, {});
  const [orgSearch, setOrgSearch] = useState('');
  const needle = orgSearch.trim().toLowerCase();
  const orgRows = (orgs.data?.organizations ?? []).filter(
    (o) => !needle || [o.name, o.creditCode ?? '', o.regionCode ?? ''].some((v) => v.toLowerCase().includes(needle)),
  );
  const rows = users.data?.users ?? [];
  return (
    <>
      <section className="card">
        <form
          className="admin-filters"
          role="search"
          onSubmit={(e) => {
            e.preventDefault();
            setQuery(search.trim());
          }}
        >
          <label className="field field-compact" htmlFor={`${id}-q`}>
            <span>{t('admin.users.search')}</span>
            <input id={`${id}-q`} type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
          </label>
          <SelectField compact label={t('admin.users.role')} value={role} onChange={(e) => setRole(e.target.value)}>
            <option value="">{t('admin.filter.all')}</option>
            {GRANTABLE.concat('FARMER').map((r) => (
              <option key={r} value={r}>
                {roleName(t, r)}
              </option>
            ))}
          </SelectField>
          <div className="field field-compact">
            <button type="submit" className="button button-primary">
              {t('admin.search')}
            </button>
          </div>
        </form>
        <ErrorNotice error={users.error} onRetry={users.reload} />
        {users.loading && !users.data ? (
          <Loading />
        ) : rows.length === 0 ? (
          <p className="muted">{t('queue.empty')}</p>
        ) : null}
        <ul className="row-list">
          {rows.map((u) => (
            <UserRow key={u.id} user={u} onChanged={users.reload} />
          ))}
        </ul>
      </section>
      <details className="card">
        <summary>{t('admin.users.create')}</summary>
        <CreateUserForm onDone={users.reload} />
      </details>
      <details className="card">
        <summary>{t('admin.orgs.title', { count: orgs.data?.organizations.length ?? 0 })}</summary>
        <ErrorNotice error={orgs.error} onRetry={orgs.reload} />
        <div className="admin-filters">
          <label className="field field-compact" htmlFor={`${id}-orgq`}>
            <span>{t('admin.orgs.search')}</span>
            <input id={`${id}-orgq`} type="search" value={orgSearch} onChange={(e) => setOrgSearch(e.target.value)} />
          </label>
        </div>
        <div className="table-scroll">
          <table className="table">
            <thead>
              <tr>
                <th>{t('admin.orgs.name')}</th>
                <th>{t('admin.orgs.kind')}</th>
                <th>{t('admin.orgs.regionCode')}</th>
                <th>{t('admin.suppliers.creditCode')}</th>
              </tr>
            </thead>
            <tbody>
              {orgRows.map((o) => (
                <tr key={o.id}>
                  <td>{o.name}</td>
                  <td>{orgKindName(t, o.kind)}</td>
                  <td className="mono">{o.regionCode ?? '—'}</td>
                  <td className="mono">{o.creditCode ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <h3>{t('admin.orgs.create')}</h3>
        <CreateOrgForm onDone={orgs.reload} />
      </details>
    </>
  );
}
