import { useState } from 'react';
import { api } from '../../api/client';
import { MY_PRODUCE_OFFERS, type ProduceOfferRecord, WITHDRAW_PRODUCE_OFFER } from '../../api/produce';
import { ErrorNotice } from '../../components/Feedback';
import { useI18n } from '../../i18n';
import { Link } from '../../lib/router';
import { useAction } from '../../lib/use-action';
import { useQuery } from '../../lib/use-query';
import { OfferForm, OfferSummary } from './shared';
import { QueryRowList } from '../../components/ListStatus';
import { TitledCard } from '../../components/TitledCard';

/** The two ways to sell, side by side, so nobody mixes them up. */
export function TwoWaysToSell({ onOffer }: { onOffer?: () => void }) {
  const { t } = useI18n();
  return (
    <div className="produce-two-ways" data-testid="two-ways">
      <section className="produce-way" aria-labelledby="way-coop">
        <h2 id="way-coop">{t('produce.way.coop.title')}</h2>
        <p>{t('produce.way.coop.text')}</p>
        {onOffer && (
          <button type="button" className="button button-primary" onClick={onOffer}>
            {t('produce.way.coop.go')}
          </button>
        )}
      </section>
      <section className="produce-way" aria-labelledby="way-farm">
        <h2 id="way-farm">{t('produce.way.farm.title')}</h2>
        <p>{t('produce.way.farm.text')}</p>
        <Link to="/produce/family-farm" className="button button-quiet">
          {t('produce.way.farm.go')}
        </Link>
      </section>
    </div>
  );
}

function Withdraw({ offer, onDone }: { offer: ProduceOfferRecord; onDone: (o: ProduceOfferRecord) => void }) {
  const { t } = useI18n();
  const withdraw = useAction(
    async () =>
      (
        await api.request(WITHDRAW_PRODUCE_OFFER, {
          id: offer.id,
          reason: null,
        })
      ).withdrawProduceOffer,
  );
  if (offer.status !== 'OPEN' && offer.status !== 'PARTLY_COMMITTED') return null;
  return (
    <>
      <button
        type="button"
        className="button button-quiet"
        disabled={withdraw.busy}
        onClick={async () => {
          if (!window.confirm(t('produce.offer.withdrawConfirm'))) return;
          const o = await withdraw.run();
          if (o) onDone(o);
        }}
      >
        {t('produce.offer.withdraw')}
      </button>
      <ErrorNotice error={withdraw.error} />
    </>
  );
}

export function FarmerOffersSection() {
  const { t } = useI18n();
  const mine = useQuery(MY_PRODUCE_OFFERS);
  const [creating, setCreating] = useState(false);
  const offers = mine.data?.myProduceOffers ?? [];
  const replace = (o: ProduceOfferRecord) =>
    mine.setData((d) => d && { myProduceOffers: d.myProduceOffers.map((x) => (x.id === o.id ? o : x)) });
  const waiting = offers.flatMap((o) => o.commitments).filter((c) => c.status === 'PROPOSED').length;

  return (
    <>
      <TwoWaysToSell onOffer={() => setCreating(true)} />
      {waiting > 0 && (
        <p className="notice" data-testid="waiting-commitments">
          <Link to="/produce/commitments">{t('produce.offer.waiting', { count: waiting })}</Link>
        </p>
      )}
      {creating && (
        <OfferForm
          onCreated={(o) => {
            setCreating(false);
            mine.setData((d) => ({ myProduceOffers: [o, ...(d?.myProduceOffers ?? [])] }));
          }}
        />
      )}
      <TitledCard title={t('produce.offer.mine')}>
        <QueryRowList
          query={mine}
          rows={offers}
          className="produce-list"
          emptyText={t('produce.offer.none')}
          row={(o) => (
            <li key={o.id} className="produce-item" data-testid="my-offer" data-offer-id={o.id}>
              <OfferSummary offer={o} />
              {o.commitments.length > 0 && (
                <p className="muted">{t('produce.offer.commitmentCount', { count: o.commitments.length })}</p>
              )}
              <div className="actions">
                <Withdraw offer={o} onDone={replace} />
              </div>
            </li>
          )}
        />
      </TitledCard>
    </>
  );
}
