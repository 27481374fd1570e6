import { useState } from 'react';
import { HOUSEHOLDS } from '../../api/portal';
import { PRODUCE_OFFERS, type ProduceOfferRecord } from '../../api/produce';
import type { ProduceOfferStatus } from '../../api/generated/graphql';
import { ErrorNotice, Loading } from '../../components/Feedback';
import { forRoles } from '../../components/Guard';
import { SelectField } from '../../components/SelectField';
import { useI18n } from '../../i18n';
import { regionScopes } from '../../lib/roles';
import { useSession } from '../../lib/session';
import { useQuery } from '../../lib/use-query';
import { CommitmentDecision, OfferForm, OfferSummary } from './shared';
import { byVillage } from './SupplierProduceTab';
import './produce.css';
import { QueryStatus } from '../../components/ListStatus';
import { SearchField, TextField } from '../../components/FormField';
import { TitledCard } from '../../components/TitledCard';

const STATUSES = ['', 'OPEN', 'PARTLY_COMMITTED', 'COMMITTED', 'WITHDRAWN', 'EXPIRED'] as const;

/** 代农户登记: a county coordinator or town work team lists produce for a household without a smartphone. */
function AssistedOffer({ scope, onCreated }: { scope: string; onCreated: (o: ProduceOfferRecord) => void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [householdId, setHouseholdId] = useState('');
  const households = useQuery(HOUSEHOLDS, { filter: { regionCode: scope }, first: 200 }, { skip: !open });
  const list = households.data?.households.edges.map((e) => e.node) ?? [];
  const chosen = householdId || list[0]?.id || '';
  if (!open) {
    return (
      <button type="button" className="button button-primary" onClick={() => setOpen(true)} data-testid="assisted-open">
        {t('produce.coord.assisted')}
      </button>
    );
  }
  return (
    <TitledCard title={t('produce.coord.assisted')}>
      <p className="muted">{t('produce.coord.assistedLead')}</p>
      <ErrorNotice error={households.error} onRetry={households.reload} />
      {households.loading && !households.data ? (
        <Loading />
      ) : (
        <SelectField
          label={t('produce.coord.household')}
          value={chosen}
          onChange={(e) => setHouseholdId(e.target.value)}
          options={list.map((h) => [h.id, `${h.headName} · ${h.village?.name ?? h.villageCode}`])}
        />
      )}
      {chosen && (
        <OfferForm
          key={chosen}
          householdId={chosen}
          onCreated={(o) => {
            setOpen(false);
            onCreated(o);
          }}
        />
      )}
    </TitledCard>
  );
}

/** 区域货源 (产销对接): coordinators see the supply offered in their region, by village. */
function CoordinatorSupply() {
  const { t } = useI18n();
  const { me } = useSession();
  const scopes = regionScopes(me);
  const [filter, setFilter] = useState({ regionCode: scopes[0] ?? '', status: 'OPEN', cropName: '' });
  const variables = {
    filter: {
      regionCode: filter.regionCode || null,
      status: (filter.status || null) as ProduceOfferStatus | null,
      cropName: filter.cropName.trim() || null,
    },
    first: 100,
  };
  const supply = useQuery(PRODUCE_OFFERS, variables);
  const offers = supply.data?.produceOffers.edges.map((e) => e.node) ?? [];
  const total = offers.reduce(
    (m, o) => m.set(o.unit, (m.get(o.unit) ?? 0) + o.availableQuantity),
    new Map<string, number>(),
  );

  return (
    <div className="container page-body produce-page">
      <p className="label">{t('nav.coordinator')}</p>
      <h1>{t('produce.coord.title')}</h1>
      <p className="muted">{t('produce.coord.lead')}</p>
      <section className="card" aria-label={t('produce.coord.filters')}>
        <div className="produce-grid-2">
          <TextField
            label={t('produce.filter.region')}
            inputMode="numeric"
            value={filter.regionCode}
            onChange={(e) => setFilter({ ...filter, regionCode: e.target.value.trim() })}
          />
          <SelectField
            label={t('produce.filter.status')}
            value={filter.status}
            onChange={(e) => setFilter({ ...filter, status: e.target.value })}
            options={STATUSES.map((s) => [s, s ? t(`produce.status.${s}`) : t('admin.filter.all')])}
          />
        </div>
        <SearchField
          compact={false}
          label={t('produce.filter.crop')}
          value={filter.cropName}
          onChange={(cropName) => setFilter({ ...filter, cropName })}
        />
        <p data-testid="supply-total">
          {t('produce.coord.total', { count: supply.data?.produceOffers.totalCount ?? 0 })}
          {[...total.entries()].map(([unit, q]) => ` · ${q} ${unit}`).join('')}
        </p>
      </section>
      <AssistedOffer scope={filter.regionCode || scopes[0] || ''} onCreated={supply.reload} />
      <QueryStatus
        query={supply}
        empty={offers.length === 0}
        emptyText={t('produce.offer.none')}
        emptyClassName="card muted"
      />
      {byVillage(offers).map(([village, list]) => (
        <section key={village} className="card produce-village" data-testid="village-group">
          <h2>{village}</h2>
          <ul className="produce-list">
            {list.map((o) => (
              <li key={o.id} className="produce-item" data-testid="supply-offer">
                <OfferSummary offer={o} showHousehold />
                {o.assisted &&
                  o.commitments
                    .filter((c) => c.status === 'PROPOSED')
                    .map((c) => (
                      <CommitmentDecision
                        key={c.id}
                        commitment={c}
                        unit={o.unit}
                        askingPrice={o.askingPrice}
                        onDone={supply.reload}
                      />
                    ))}
                {o.commitments.length > 0 && (
                  <p className="muted">{t('produce.offer.commitmentCount', { count: o.commitments.length })}</p>
                )}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

export const CoordinatorSupplyPage = forRoles(['COORDINATOR'], CoordinatorSupply);
