import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import {
  ANSWER_COMPLAINT,
  type ComplaintData,
  complaintPhotoBlobUrl,
  DECIDE_COMPLAINT,
  type ComplaintRemedy,
} from '../../api/aftersales';
import { SelectField } from '../../components/SelectField';
import { useI18n } from '../../i18n';
import { formatDateTime } from '../../lib/dates';
import { fenToYuanText, formatFen, parseYuanToFen } from '../../lib/money';
import { Link } from '../../lib/router';
import { useAction } from '../../lib/use-action';
import { FormActions } from '../../components/FormActions';
import { NoteField, TextField } from '../../components/FormField';
import { Form } from '../../components/Form';

export function ComplaintStatusChip({ status }: { status: string }) {
  const { t } = useI18n();
  return (
    <span className="status-chip" data-status={status} data-testid="complaint-status">
      {t(`complaintStatus.${status as 'OPEN'}`)}
    </span>
  );
}

/** Photos need the bearer token, so each is fetched and shown from a blob URL. */
function Photo({ url }: { url: string }) {
  const { t } = useI18n();
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let href: string | null = null;
    let live = true;
    complaintPhotoBlobUrl(url)
      .then((h) => {
        href = h;
        if (live) setSrc(h);
        else URL.revokeObjectURL(h);
      })
      .catch(() => undefined);
    return () => {
      live = false;
      if (href) URL.revokeObjectURL(href);
    };
  }, [url]);
  return src ? (
    <img
      src={src}
      alt={t('complaint.photo')}
      className="complaint-photo"
      width={96}
      height={96}
      data-testid="complaint-photo"
    />
  ) : (
    <span className="muted small">…</span>
  );
}

function AnswerForm({ complaint, onChanged }: { complaint: ComplaintData; onChanged: (c: ComplaintData) => void }) {
  const { t } = useI18n();
  const [answer, setAnswer] = useState('');
  const act = useAction(async () => {
    const data = await api.request(ANSWER_COMPLAINT, {
      id: complaint.id,
      answer: answer.trim(),
    });
    onChanged(data.answerComplaint);
  });
  const submit = () => {
    if (answer.trim()) void act.run();
  };
  return (
    <Form className="decision" onSubmit={submit} data-testid="answer-form">
      <NoteField label={t('complaint.answer')} required maxLength={2000} value={answer} onChange={setAnswer} />
      <FormActions action={act} label={t('complaint.answerSubmit')} disabled={!answer.trim()} />
    </Form>
  );
}

/** The county coordinator's decision: uphold with a refund (amount, or a return) or reject, always with a reason. */
function DecideForm({ complaint, onChanged }: { complaint: ComplaintData; onChanged: (c: ComplaintData) => void }) {
  const { t } = useI18n();
  const [decision, setDecision] = useState<'UPHOLD' | 'REJECT'>('UPHOLD');
  const [remedy, setRemedy] = useState<ComplaintRemedy>('REFUND');
  const [amount, setAmount] = useState(complaint.refundableAmount > 0 ? fenToYuanText(complaint.refundableAmount) : '');
  const [reason, setReason] = useState('');
  const fen = amount.trim() ? parseYuanToFen(amount) : null;
  const amountBad = decision === 'UPHOLD' && amount.trim() !== '' && (fen === null || fen <= 0);
  const act = useAction(async () => {
    const input =
      decision === 'REJECT'
        ? { decision, reason: reason.trim() }
        : { decision, reason: reason.trim(), remedy, refundAmount: fen };
    const data = await api.request(DECIDE_COMPLAINT, { id: complaint.id, input });
    onChanged(data.decideComplaint);
  });
  const submit = () => {
    if (reason.trim() && !amountBad) void act.run();
  };
  return (
    <Form className="decision" onSubmit={submit} data-testid="decide-form">
      <SelectField
        compact
        label={t('complaint.decision')}
        value={decision}
        onChange={(e) => setDecision(e.target.value as 'UPHOLD' | 'REJECT')}
        name="decision"
      >
        <option value="UPHOLD">{t('complaint.uphold')}</option>
        <option value="REJECT">{t('complaint.reject')}</option>
      </SelectField>
      {decision === 'UPHOLD' && (
        <>
          <SelectField
            compact
            label={t('complaint.remedy')}
            value={remedy}
            onChange={(e) => setRemedy(e.target.value as ComplaintRemedy)}
            name="remedy"
          >
            <option value="REFUND">{t('complaintRemedy.REFUND')}</option>
            <option value="RETURN">{t('complaintRemedy.RETURN')}</option>
          </SelectField>
          <TextField
            compact
            label={t('complaint.refundAmount')}
            name="refundAmount"
            inputMode="decimal"
            value={amount}
            onChange={(e) => setAmount(e.target.value)}
            aria-invalid={amountBad}
          />
          <p className="hint">{t('complaint.refundHint')}</p>
        </>
      )}
      <NoteField
        label={t('complaint.decisionReason')}
        name="reason"
        required
        maxLength={2000}
        value={reason}
        onChange={setReason}
      />
      <FormActions
        action={act}
        label={decision === 'UPHOLD' ? t('complaint.upholdSubmit') : t('complaint.rejectSubmit')}
        disabled={!reason.trim() || amountBad}
        variant={decision === 'UPHOLD' ? 'primary' : 'danger'}
      />
    </Form>
  );
}

/** One complaint with its story (answer, decision), photos, and the actions the viewer may take. */
export function ComplaintCard({
  complaint,
  canAnswer = false,
  showOrder = false,
  onChanged,
}: {
  complaint: ComplaintData;
  canAnswer?: boolean;
  showOrder?: boolean;
  onChanged: (c: ComplaintData) => void;
}) {
  const { t, locale } = useI18n();
  const c = complaint;
  const undecided = c.status === 'OPEN' || c.status === 'ANSWERED';
  return (
    <li className="row complaint" data-testid="complaint" data-complaint-id={c.id} data-status={c.status}>
      <div className="row-main">
        <div className="row-title">
          <span>{t(`complaintKind.${c.kind}`)}</span>
          <ComplaintStatusChip status={c.status} />
          {showOrder && (
            <Link to={`/orders/${c.orderId}`} className="mono small">
              {c.orderNo}
            </Link>
          )}
          {showOrder && c.supplierName && <span className="muted small">{c.supplierName}</span>}
        </div>
        <p>{c.description}</p>
        <p className="muted small">{t('complaint.openedAt', { at: formatDateTime(c.createdAt, locale) })}</p>
        {c.photos.length > 0 && (
          <div className="complaint-photos">
            {c.photos.map((p) => (
              <Photo key={p.id} url={p.url} />
            ))}
          </div>
        )}
        {c.supplierAnswer && (
          <p data-testid="complaint-answer">
            <strong>{t('complaint.supplierAnswer')}</strong> {c.supplierAnswer}
          </p>
        )}
        {c.decidedAt && (
          <p data-testid="complaint-decision">
            <strong>
              {c.status === 'UPHELD'
                ? t('complaint.upheldWith', {
                    amount: formatFen(c.refundAmount),
                    remedy: t(`complaintRemedy.${c.remedy ?? 'REFUND'}`),
                  })
                : t('complaint.rejected')}
            </strong>{' '}
            {c.decisionReason}
          </p>
        )}
        {canAnswer && c.status === 'OPEN' && <AnswerForm complaint={c} onChanged={onChanged} />}
        {c.canDecide && undecided && <DecideForm complaint={c} onChanged={onChanged} />}
      </div>
    </li>
  );
}
