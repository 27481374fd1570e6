import { useState } from 'react';
import { Controller, type FieldError } from 'react-hook-form';
import type { z } from 'zod';
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
import { ErrorNotice } from '../../components/Feedback';
import { FieldProblem, SearchField, TextField } from '../../components/FormField';
import { SelectField } from '../../components/SelectField';
import { orgKindName, roleName, useI18n } from '../../i18n';
import { formatDateTime } from '../../lib/dates';
import { createOrgSchema, createUserSchema, grantRoleSchema, type roleChoiceSchema } from '../../lib/forms';
import { REGIONAL_ROLES, ROLE_ORGANIZATION_KIND } from '../../lib/roles';
import { useAction } from '../../lib/use-action';
import { useQuery } from '../../lib/use-query';
import { useServerProblem, useZodForm } from '../../lib/use-zod-form';
import { ConfirmAction } from './ConfirmAction';
import { FilterSelect, SearchFilters } from '../../components/FilterSelect';
import { DataTable } from '../../components/DataTable';
import { ActionButton } from '../../components/ActionButton';
import { QueryStatus } from '../../components/ListStatus';
import { FormActions, SubmitAction } from '../../components/FormActions';

const GRANTABLE = Object.keys(ROLE_ORGANIZATION_KIND);
const ORG_KINDS = ['AGENCY', 'SUPPLIER', 'COORDINATION_OFFICE', 'PLATFORM'];
const NO_ROLE: RoleChoice = { role: 'PURCHASER', organizationId: '', regionPrefix: '' };
/** The API's names for the role choice's fields, which the forms keep under `choice`. */
const CHOICE_FIELDS = {
  role: 'choice.role',
  organizationId: 'choice.organizationId',
  regionPrefix: 'choice.regionPrefix',
};

interface RoleChoice {
  role: string;
  organizationId: string;
  regionPrefix: string;
}

/** Role, organisation (of the kind the role needs) and region prefix (coordinators, auditors). */
function RoleFields({
  value,
  onChange,
  errors,
}: {
  value: RoleChoice;
  onChange: (v: RoleChoice) => void;
  errors?: { organizationId?: FieldError; regionPrefix?: FieldError };
}) {
  const { t } = useI18n();
  const kind = ROLE_ORGANIZATION_KIND[value.role];
  const orgs = useQuery(ORGANIZATIONS, { kind: kind as OrganizationKind | null }, { skip: !kind });
  return (
    <>
      <SelectField
        compact
        label={t('admin.users.role')}
        value={value.role}
        onChange={(e) => onChange({ role: e.target.value, organizationId: '', regionPrefix: '' })}
        options={GRANTABLE.map((r) => [r, roleName(t, r)])}
      />
      {kind && (
        <div>
          <SelectField
            compact
            label={t('admin.users.organization')}
            value={value.organizationId}
            aria-invalid={!!errors?.organizationId}
            onChange={(e) => onChange({ ...value, organizationId: e.target.value })}
            options={(orgs.data?.organizations ?? []).map((o) => [o.id, o.name])}
          >
            <option value="">{t('admin.users.chooseOrg')}</option>
          </SelectField>
          <FieldProblem error={errors?.organizationId} />
        </div>
      )}
      {REGIONAL_ROLES.has(value.role) && (
        <TextField
          compact
          label={t('admin.users.regionPrefix')}
          inputMode="numeric"
          value={value.regionPrefix}
          error={errors?.regionPrefix}
          onChange={(e) => onChange({ ...value, regionPrefix: e.target.value })}
        />
      )}
    </>
  );
}

function UserRow({ user, onChanged }: { user: AdminUser; onChanged: () => void }) {
  const { t, locale } = useI18n();
  const [granting, setGranting] = useState(false);
  const grantForm = useZodForm(grantRoleSchema, { choice: NO_ROLE });
  const grant = useAction(async (choice: z.output<typeof roleChoiceSchema>) => {
    await api.request(GRANT_MEMBERSHIP, { input: { userId: user.id, ...choice } });
    setGranting(false);
    grantForm.reset();
    onChanged();
  });
  const enable = useAction(async () => {
    await api.request(SET_USER_DISABLED, { userId: user.id, disabled: false });
    onChanged();
  });
  useServerProblem(grantForm, grant.error, CHOICE_FIELDS);
  const submit = grantForm.handleSubmit(({ choice }) => void grant.run(choice));
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
          <form className="admin-form" onSubmit={submit} noValidate>
            <div className="form-grid">
              <Controller
                control={grantForm.control}
                name="choice"
                render={({ field }) => (
                  <RoleFields
                    value={field.value}
                    onChange={field.onChange}
                    errors={grantForm.formState.errors.choice}
                  />
                )}
              />
            </div>
            <FormActions action={grant} label={t('admin.users.grant')} onCancel={() => setGranting(false)} />
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
          <ActionButton action={enable}>{t('account.disable.enable')}</ActionButton>
        )}
      </div>
    </li>
  );
}

function CreateUserForm({ onDone }: { onDone: () => void }) {
  const { t } = useI18n();
  const blank = { displayName: '', email: '', phone: '', password: '', choice: NO_ROLE };
  const form = useZodForm(createUserSchema, blank);
  const problems = form.formState.errors;
  const create = useAction(async (input: z.output<typeof createUserSchema>) => {
    await api.request(CREATE_USER, { input });
    form.reset(blank);
    onDone();
  });
  useServerProblem(form, create.error, CHOICE_FIELDS);
  const text = (name: 'displayName' | 'email' | 'phone' | 'password', label: string, type = 'text') => (
    <TextField compact label={label} type={type} autoComplete="off" error={problems[name]} {...form.register(name)} />
  );
  return (
    <form onSubmit={form.handleSubmit((input) => void create.run(input))} noValidate>
      <div className="form-grid">
        {text('displayName', t('admin.users.name'))}
        {text('email', t('admin.users.email'), 'email')}
        {text('phone', t('admin.users.phone'), 'tel')}
        {text('password', t('admin.users.password'), 'password')}
        <Controller
          control={form.control}
          name="choice"
          render={({ field }) => <RoleFields value={field.value} onChange={field.onChange} errors={problems.choice} />}
        />
      </div>
      <SubmitAction action={create} label={t('admin.users.create')} />
    </form>
  );
}

function CreateOrgForm({ onDone }: { onDone: () => void }) {
  const { t } = useI18n();
  const form = useZodForm(createOrgSchema, { name: '', kind: 'AGENCY', creditCode: '', regionCode: '' });
  const problems = form.formState.errors;
  const create = useAction(async (input: z.output<typeof createOrgSchema>) => {
    await api.request(CREATE_ORGANIZATION, { input });
    form.reset({ ...form.getValues(), name: '', creditCode: '' });
    onDone();
  });
  useServerProblem(form, create.error);
  return (
    <form onSubmit={form.handleSubmit((input) => void create.run(input))} noValidate>
      <div className="form-grid">
        <TextField compact label={t('admin.orgs.name')} error={problems.name} {...form.register('name')} />
        <SelectField
          compact
          label={t('admin.orgs.kind')}
          {...form.register('kind')}
          options={ORG_KINDS.map((k) => [k, orgKindName(t, k)])}
        />
        <TextField
          compact
          label={t('admin.suppliers.creditCode')}
          className="mono"
          error={problems.creditCode}
          {...form.register('creditCode')}
        />
        <TextField
          compact
          label={t('admin.orgs.regionCode')}
          inputMode="numeric"
          error={problems.regionCode}
          {...form.register('regionCode')}
        />
      </div>
      <SubmitAction action={create} label={t('admin.orgs.create')} />
    </form>
  );
}

/** Accounts and organisations: search, create, disable, grant and revoke roles. */
export function UsersSection() {
  const { t } = useI18n();
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
        <SearchFilters
          label={t('admin.users.search')}
          value={search}
          onChange={setSearch}
          onSearch={() => setQuery(search.trim())}
        >
          <FilterSelect
            label={t('admin.users.role')}
            value={role}
            onChange={setRole}
            options={GRANTABLE.concat('FARMER').map((r) => [r, roleName(t, r)] as const)}
          />
        </SearchFilters>
        <QueryStatus query={users} empty={rows.length === 0} />
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
          <SearchField label={t('admin.orgs.search')} value={orgSearch} onChange={setOrgSearch} />
        </div>
        <DataTable
          columns={[
            t('admin.orgs.name'),
            t('admin.orgs.kind'),
            t('admin.orgs.regionCode'),
            t('admin.suppliers.creditCode'),
          ]}
        >
          {orgRows.map((o) => (
            <tr key={o.id}>
              <td>{o.name}</td>
              <td>{orgKindName(t, o.kind)}</td>
              <td className="mono">{o.regionCode ?? '—'}</td>
              <td className="mono">{o.creditCode ?? '—'}</td>
            </tr>
          ))}
        </DataTable>
        <h3>{t('admin.orgs.create')}</h3>
        <CreateOrgForm onDone={orgs.reload} />
      </details>
    </>
  );
}
