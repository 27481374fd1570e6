import { MY_PRODUCE_OFFERS, type ProduceCommitmentRecord } from '../../api/produce';
import { useI18n } from '../../i18n';
import { useQuery } from '../../lib/use-query';
import { CommitmentDecision, offerQuantity } from './shared';
import { QueryRowList } from '../../components/ListStatus';
import { TitledCard } from '../../components/TitledCard';

/** 买家承诺: what cooperatives offered to buy, undecided first; the farmer always decides. */
export function FarmerCommitmentsSection() {
  const { t } = useI18n();
  const offers = useQuery(MY_PRODUCE_OFFERS);
  const rows = (offers.data?.myProduceOffers ?? []).flatMap((o) => o.commitments.map((c) => ({ offer: o, c })));
  rows.sort((a, b) => Number(b.c.status === 'PROPOSED') - Number(a.c.status === 'PROPOSED'));
  const replace = (next: ProduceCommitmentRecord) => {
    // The offer's committed quantity moves with a decision: read the offers again.
    offers.setData(
      (d) =>
        d && {
          myProduceOffers: d.myProduceOffers.map((o) => ({
            ...o,
            commitments: o.commitments.map((c) => (c.id === next.id ? next : c)),
          })),
        },
    );
    offers.reload();
  };
  return (
    <TitledCard title={t('produce.tab.commitments')}>
      <p className="muted">{t('produce.commitment.lead')}</p>
      <QueryRowList
        query={offers}
        rows={rows}
        className="produce-list"
        emptyText={t('produce.commitment.none')}
        row={({ offer, c }) => (
          <li key={c.id}>
            <p className="label">
              {offer.cropName} · {offerQuantity(t, offer)}
            </p>
            <CommitmentDecision commitment={c} unit={offer.unit} askingPrice={offer.askingPrice} onDone={replace} />
          </li>
        )}
      />
    </TitledCard>
  );
}
