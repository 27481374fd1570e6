// The dashboard and ECharts load only when the page is opened: buyers and suppliers never download them.
import { lazy, Suspense } from 'react';
import { Loading } from '../../components/Feedback';

const StatsDashboardPage = lazy(() => import('./StatsDashboardPage').then((m) => ({ default: m.StatsDashboardPage })));

export function LazyStatsPage() {
  return (
    <Suspense
      fallback={
        <div className="container page-body">
          <Loading />
        </div>
      }
    >
      <StatsDashboardPage />
    </Suspense>
  );
}
