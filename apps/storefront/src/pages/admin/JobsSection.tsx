import { useState } from 'react';
import { DISCARD_FAILED_JOB, type FailedJob, FAILED_JOBS, RETRY_FAILED_JOB } from '../../api/admin';
import { api } from '../../api/client';
import { ErrorNotice } from '../../components/Feedback';
import { useI18n } from '../../i18n';
import { formatDateTime } from '../../lib/dates';
import { useAction } from '../../lib/use-action';
import { useQuery } from '../../lib/use-query';
import { ConfirmAction } from './ConfirmAction';
import { FilterSelect } from '../../components/FilterSelect';
import { QueryRowList } from '../../components/ListStatus';
import { ActionButton } from '../../components/ActionButton';

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
        <ActionButton action={retry} variant="primary">
          {t('admin.jobs.retry')}
        </ActionButton>
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
  const jobs = useQuery(FAILED_JOBS, { queue: queue || null });
  const rows = jobs.data?.failedJobs ?? [];
  return (
    <section className="card">
      <p className="muted">{t('admin.jobs.lead')}</p>
      <div className="admin-filters">
        <FilterSelect
          label={t('admin.jobs.queue')}
          value={queue}
          onChange={setQueue}
          options={(jobs.data?.jobQueues ?? []).map((q) => [q.name, `${q.name} (${q.failed})`] as const)}
        />
      </div>
      <QueryRowList
        query={jobs}
        rows={rows}
        row={(j) => <JobRow key={`${j.queue}:${j.id}`} job={j} onDone={jobs.reload} />}
      />
    </section>
  );
}
