import { useState } from 'react';
import { api } from '../../api/client';
import {
  ACCEPT_COMMITMENT,
  CREATE_PRODUCE_OFFER,
  type CreateProduceOfferInput,
  DECLINE_COMMITMENT,
  PRODUCE_UNITS,
  type ProduceCommitmentRecord,
  type ProduceOfferRecord,
  uploadProducePhoto,
} from '../../api/produce';
import { ErrorNotice } from '../../components/Feedback';
import { FieldProblem, TextField } from '../../components/FormField';
import { SelectField } from '../../components/SelectField';
import { type Translate, translateOr, useI18n } from '../../i18n';
import { shanghaiToday } from '../../lib/certification';
import { formatFen } from '../../lib/money';
import { offerFormSchema } from '../../lib/forms';
import { useAction } from '../../lib/use-action';
import { useServerProblem, useZodForm } from '../../lib/use-zod-form';
import { Form } from '../../components/Form';

/** A status as a chip: `produce.status.<STATUS>`, or the code when we have no text for it. */
export function ProduceStatus({ status, testId }: { status: string; testId?: string }) {
  const { t } = useI18n();
  return (
    <span className="produce-status" data-status={status} data-testid={testId}>
      {translateOr(t, `produce.status.${status}`, status)}
    </span>
  );
}

function plusDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * 发布供货: what, how much, from when, at what price, with photos from the phone's camera. Used by
 * the farmer and (with `householdId`) by a coordinator registering an assisted offer.
 */
export function OfferForm({
  householdId,
  onCreated,
}: {
  householdId?: string;
  onCreated: (offer: ProduceOfferRecord) => void;
}) {
  const { t } = useI18n();
  const today = shanghaiToday();
  const form = useZodForm(offerFormSchema, {
    cropName: '',
    variety: '',
    quantity: '',
    unit: '斤',
    price: '',
    from: today,
    until: plusDays(today, 14),
    note: '',
  });
  const problems = form.formState.errors;
  const unit = form.watch('unit');
  const [photos, setPhotos] = useState<Array<{ key: string; url: string }>>([]);
  const upload = useAction(async (files: File[]) => {
    for (const file of files) {
      const photo = await uploadProducePhoto(file);
      setPhotos((p) => [...p, photo].slice(0, 6));
    }
  });
  const create = useAction(
    async (input: CreateProduceOfferInput) => (await api.request(CREATE_PRODUCE_OFFER, { input })).createProduceOffer,
  );
  useServerProblem(form, create.error, { askingPrice: 'price', availableFrom: 'from', availableUntil: 'until' });

  const submit = form.handleSubmit(async (offerInput) => {
    const offer = await create.run({
      ...offerInput,
      imageKeys: photos.map((p) => p.key),
      ...(householdId ? { householdId } : {}),
    });
    if (offer) onCreated(offer);
  });

  return (
    <form className="card" onSubmit={submit} data-testid="offer-form" noValidate>
      <h2>{householdId ? t('produce.form.assistedTitle') : t('produce.form.title')}</h2>
      <TextField
        label={t('produce.form.crop')}
        placeholder={t('produce.form.cropPlaceholder')}
        maxLength={60}
        error={problems.cropName}
        {...form.register('cropName')}
      />
      <TextField
        label={t('produce.form.variety')}
        maxLength={60}
        error={problems.variety}
        {...form.register('variety')}
      />
      <div className="produce-grid-2">
        <TextField
          label={t('produce.form.quantity')}
          inputMode="numeric"
          error={problems.quantity}
          {...form.register('quantity')}
        />
        <SelectField
          label={t('produce.form.unit')}
          {...form.register('unit')}
          options={PRODUCE_UNITS.map((u) => [u, u])}
        />
      </div>
      <TextField
        label={t('produce.form.price', { unit })}
        inputMode="decimal"
        placeholder="1.50"
        error={problems.price}
        {...form.register('price')}
      />
      <div className="produce-grid-2">
        <TextField label={t('produce.form.from')} type="date" {...form.register('from')} />
        <TextField label={t('produce.form.until')} type="date" {...form.register('until')} />
      </div>
      <div className="field">
        <label htmlFor="offer-note">{t('produce.form.note')}</label>
        <textarea id="offer-note" rows={2} maxLength={500} {...form.register('note')} />
        <FieldProblem error={problems.note} />
      </div>
      <div className="field">
        <label htmlFor="offer-photos">{t('produce.form.photos')}</label>
        {/* capture: the phone opens its camera at once; on a computer it is an ordinary file picker. */}
        <input
          id="offer-photos"
          type="file"
          accept="image/*"
          capture="environment"
          multiple
          onChange={(e) => {
            const files = Array.from(e.target.files ?? []);
            e.target.value = '';
            if (files.length) void upload.run(files);
          }}
        />
        <span className="hint">{upload.busy ? t('produce.form.uploading') : t('produce.form.photosHint')}</span>
      </div>
      {photos.length > 0 && (
        <div className="produce-photos" data-testid="offer-photos">
          {photos.map((p) => (
            <img key={p.key} src={p.url} alt={t('produce.form.photoAlt')} />
          ))}
        </div>
      )}
      <ErrorNotice error={upload.error} />
      <ErrorNotice error={create.error} />
      <button type="submit" className="button button-primary button-block" disabled={create.busy || upload.busy}>
        {t('produce.form.submit')}
      </button>
    </form>
  );
}

/** 接受 / 拒绝 a buyer's proposed commitment: the household (or its assisting coordinator) decides. */
export function CommitmentDecision({
  commitment,
  unit,
  askingPrice,
  onDone,
}: {
  commitment: ProduceCommitmentRecord;
  unit: string;
  askingPrice: number;
  onDone: (c: ProduceCommitmentRecord) => void;
}) {
  const { t } = useI18n();
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState('');
  const accept = useAction(
    async () =>
      (
        await api.request(ACCEPT_COMMITMENT, {
          id: commitment.id,
        })
      ).acceptProduceCommitment,
  );
  const decline = useAction(
    async () =>
      (
        await api.request(DECLINE_COMMITMENT, {
          id: commitment.id,
          reason,
        })
      ).declineProduceCommitment,
  );
  return (
    <div className="produce-item" data-testid="commitment" data-status={commitment.status}>
      <h3>
        <span>{commitment.supplierName}</span>
        <ProduceStatus status={commitment.status} />
      </h3>
      <p data-testid="commitment-terms">
        {t('produce.commitment.terms', {
          quantity: commitment.quantity,
          unit,
          price: formatFen(commitment.unitPrice),
          amount: formatFen(commitment.amount),
        })}
      </p>
      <p className="muted">{t('produce.commitment.pickup', { date: commitment.pickupDate })}</p>
      {commitment.belowAskingPrice && (
        <p className="notice" data-testid="below-asking">
          {t('produce.commitment.below', { asking: formatFen(askingPrice) })}
        </p>
      )}
      {commitment.note && <p className="muted">{commitment.note}</p>}
      {commitment.declineReason && (
        <p className="muted">{t('produce.commitment.declined', { reason: commitment.declineReason })}</p>
      )}
      {commitment.status === 'PROPOSED' && (
        <div className="actions">
          <button
            type="button"
            className="button button-primary"
            disabled={accept.busy}
            onClick={async () => {
              const c = await accept.run();
              if (c) onDone(c);
            }}
          >
            {t('produce.commitment.accept')}
          </button>
          <button type="button" className="button button-quiet" onClick={() => setDeclining((d) => !d)}>
            {t('produce.commitment.decline')}
          </button>
        </div>
      )}
      {declining && commitment.status === 'PROPOSED' && (
        <Form
          onSubmit={async () => {
            const c = await decline.run();
            if (c) onDone(c);
          }}
        >
          <TextField
            label={t('produce.commitment.reason')}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            required
            maxLength={500}
          />
          <button type="submit" className="button button-danger" disabled={decline.busy || !reason.trim()}>
            {t('produce.commitment.confirmDecline')}
          </button>
        </Form>
      )}
      <ErrorNotice error={accept.error ?? decline.error} />
    </div>
  );
}

/** An offer's quantity line: the total, how much is committed, how much is still free. */
export function offerQuantity(t: Translate, offer: ProduceOfferRecord): string {
  return t('produce.offer.quantity', {
    quantity: offer.quantity,
    unit: offer.unit,
    committed: offer.committedQuantity,
    available: offer.availableQuantity,
  });
}

/** One offer as a card: crop, quantity committed of total, price, window, status, photos. */
export function OfferSummary({ offer, showHousehold = false }: { offer: ProduceOfferRecord; showHousehold?: boolean }) {
  const { t } = useI18n();
  return (
    <>
      <h3>
        <span data-testid="offer-crop">
          {offer.cropName}
          {offer.variety ? ` · ${offer.variety}` : ''}
        </span>
        <ProduceStatus status={offer.status} testId="offer-status" />
      </h3>
      {showHousehold && offer.household && (
        <p className="muted" data-testid="offer-household">
          {offer.household.headName}
          {offer.assisted ? ` · ${t('produce.offer.assisted')}` : ''}
        </p>
      )}
      <p data-testid="offer-quantity">{offerQuantity(t, offer)}</p>
      <p>
        {t('produce.offer.price', { price: formatFen(offer.askingPrice), unit: offer.unit })} ·{' '}
        {t('produce.offer.window', { from: offer.availableFrom, until: offer.availableUntil })}
      </p>
      {offer.note && <p className="muted">{offer.note}</p>}
      {offer.imageUrls.length > 0 && (
        <div className="produce-photos">
          {offer.imageUrls.map((url) => (
            <img key={url} src={url} alt={offer.cropName} loading="lazy" />
          ))}
        </div>
      )}
    </>
  );
}

/** One amount in a `produce-figures` list; its fen go in data-fen, so the journeys read it exactly. */
export function MoneyFigure({ label, fen, testId }: { label: string; fen: number; testId: string }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd data-testid={testId} data-fen={fen}>
        {formatFen(fen)}
      </dd>
    </div>
  );
}
