import { useState } from 'react';
import { DISCARD_FAILED_JOB, type FailedJob, FAILED_JOBS, RETRY_FAILED_JOB } from '../../api/admin';
import { api } from '../../api/client';
import { ErrorNotice, Loading } from '../../components/Feedback';
import { SelectField } from '../../components/SelectField';
import { useI18n } from '../../i18n';
import { formatDateTime } from '../../lib/dates';
import { useAction } from '../../lib/use-action';
import { useQuery } from '../../lib/use-query';
import { ConfirmAction } from './ConfirmAction';

function JobRow({ job, onDone }: { job: FailedJob; onDone: () => void }) {
  const { t, locale } = useI18n();
  const retry = useAction(async () => {
    await api.request(RETRY_FAILED_JOB, { id: job.id, queue: job.queue });
    onDone();
  });
  return (
    <li className="row" data-testid="failed-job">
      <div className="row-main">
        <div className="row-title">
          <span className="mono">{job.name}</span>
          <span className="chip chip-quiet">{job.queue}</span>
        </div>
        <p className="small">{job.failedReason}</p>
        <p className="muted small">
          {t('admin.jobs.attempts', { count: job.attemptsMade })} ·{' '}
          {formatDateTime(job.failedAt ?? job.timestamp, locale)}
        </p>
        <details>
          <summary className="small">{t('admin.jobs.data')}</summary>
          <pre className="small mono" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
            {job.data}
          </pre>
        </details>
        <ErrorNotice error={retry.error} />
      </div>
      <div className="row-actions">
        <button type="button" className="button button-primary" disabled={retry.busy} onClick={() => void retry.run()}>
          {t('admin.jobs.retry')}
        </button>
        <ConfirmAction
          label={t('admin.jobs.discard')}
          title={t('admin.jobs.discardTitle', { name: job.name })}
          onConfirm={async () => {
            await api.request(DISCARD_FAILED_JOB, { id: job.id, queue: job.queue });
            onDone();
          }}
        />
      </div>
    </li>
  );
}

/** The dead-letter list: jobs that used up their retries, to run again or discard. */
export function JobsSection() {
  const { t } = useI18n();
  const [queue, setQueue] = useState('');
  const { data, error, loading, reload } = useQuery(FAILED_JOBS, { queue: queue || null });
  const rows = data?.failedJobs ?? [];
  return (
    <section className="card">
      <p className="muted">{t('admin.jobs.lead')}</p>
      <div className="admin-filters">
        <SelectField compact label={t('admin.jobs.queue')} value={queue} onChange={(e) => setQueue(e.target.value)}>
          <option value="">{t('admin.filter.all')}</option>
          {(data?.jobQueues ?? []).map((q) => (
            <option key={q.name} value={q.name}>
              {q.name} ({q.failed})
            </option>
          ))}
        </SelectField>
      </div>
      <ErrorNotice error={error} onRetry={reload} />
      {loading && !data ? <Loading /> : rows.length === 0 ? <p className="muted">{t('queue.empty')}</p> : null}
      <ul className="row-list">
        {rows.map((j) => (
          <JobRow key={`${j.queue}:${j.id}`} job={j} onDone={reload} />
        ))}
      </ul>
    </section>
  );
}
