import type { Me } from '../api/operations';
import { orgKindName, roleName, useI18n } from '../i18n';
import { TitledCard } from './TitledCard';

/** Who is signed in, and in which organisations with which roles. */
export function UserCard({ me }: { me: Me }) {
  const { t } = useI18n();
  const memberships = me.memberships.length
    ? me.memberships
    : me.roles.map((role) => ({ role, organization: null, regionPrefix: null }));
  return (
    <TitledCard title={t('home.welcome', { name: me.displayName })} className="user-card">
      {me.email && <p className="muted">{me.email}</p>}
      <h3 className="label">{t('home.roles')}</h3>
      <ul className="role-list">
        {memberships.map((m, i) => (
          <li key={`${m.role}-${m.organization?.id ?? i}`}>
            <span className="chip" data-role={m.role}>
              {roleName(t, m.role)}
            </span>
            {m.organization && (
              <span className="muted">
                {m.organization.name} · {orgKindName(t, m.organization.kind)}
                {m.organization.region ? ` · ${m.organization.region.name}` : ''}
              </span>
            )}
          </li>
        ))}
      </ul>
    </TitledCard>
  );
}
