'use client';

import type { JobRun } from '../../_hooks/api-types.ts';
import { useJobsQuery } from '../../_hooks/queries/useJobsQuery.ts';
import { Badge } from '../../_components/Badge.tsx';
import { formatDuration } from '../../_components/format.ts';
import { LoadingPanel } from '../../_components/LoadingPanel.tsx';
import { ProgressBar } from '../../_components/ProgressBar.tsx';
import { RelativeTime } from '../../_components/RelativeTime.tsx';

const STATUS_TONE = { queued: 'gray', running: 'blue', succeeded: 'green', failed: 'red' } as const;

/** The figures a DNSBL sweep writes as its summary (lib/sweeps/run-dnsbl-sweep.ts); every field optional. */
interface SweepFigures {
  assets?: number;
  targets?: number;
  zones?: number;
  queries?: number;
  durationMs?: number;
  counts?: { listed?: number; notListed?: number; errors?: number; notApplicable?: number };
  events?: { listed?: number; delisted?: number };
  zoneHealth?: { healthy?: number; unhealthy?: number };
  resolver?: { status?: string };
  alerts?: { opened?: number; resolved?: number; sent?: number; failed?: number; error?: string };
}

function Figure({ label, value }: { label: string; value: number | string | undefined }) {
  if (value === undefined) return null;
  return (
    <span className="figure">
      <span className="muted">{label}</span> {typeof value === 'number' ? value.toLocaleString() : value}
    </span>
  );
}

/** A job's summary: a sweep's figures in words, anything else as `key value` pairs. */
function Summary({ summary }: { summary: JobRun['summary'] }) {
  if (summary === undefined || summary === null) return <span className="muted">—</span>;
  let value: unknown = summary;
  if (typeof summary === 'string') {
    try {
      value = JSON.parse(summary);
    } catch {
      return <span>{summary}</span>;
    }
  }
  if (typeof value !== 'object' || value === null) return <span>{String(value)}</span>;
  if ('queries' in value) {
    const f = value as SweepFigures;
    return (
      <span className="small figures" data-testid="job-run-summary" data-queries={f.queries} data-listed={f.counts?.listed}>
        <Figure label="assets" value={f.assets} />
        <Figure label="targets" value={f.targets} />
        <Figure label="zones" value={f.zones} />
        <Figure label="queries" value={f.queries} />
        <Figure label="listed" value={f.counts?.listed} />
        <Figure label="not listed" value={f.counts?.notListed} />
        <Figure label="errors" value={f.counts?.errors} />
        <Figure label="new listings" value={f.events?.listed} />
        <Figure label="delistings" value={f.events?.delisted} />
        <Figure label="unhealthy zones" value={f.zoneHealth?.unhealthy} />
        <Figure label="resolver" value={f.resolver?.status} />
        <Figure label="incidents opened" value={f.alerts?.opened} />
        <Figure label="incidents resolved" value={f.alerts?.resolved} />
        <Figure label="notifications sent" value={f.alerts?.sent} />
        {f.alerts?.failed ? <Figure label="notifications failed" value={f.alerts.failed} /> : null}
        {f.alerts?.error ? <span className="field-error">alerts: {f.alerts.error}</span> : null}
      </span>
    );
  }
  return (
    <span className="small figures" data-testid="job-run-summary">
      {Object.entries(value).map(([key, v]) => (
        <Figure key={key} label={key} value={typeof v === 'number' ? v : typeof v === 'object' ? JSON.stringify(v) : String(v)} />
      ))}
    </span>
  );
}

function RunRow({ run }: { run: JobRun }) {
  const duration = run.finishedAt ? new Date(run.finishedAt).getTime() - new Date(run.startedAt).getTime() : undefined;
  return (
    <tr data-testid="job-run-row" data-run-id={run.id} data-status={run.status} data-job-id={run.jobId}>
      <td className="mono">{run.jobId}</td>
      <td><Badge tone={STATUS_TONE[run.status]}>{run.status}</Badge></td>
      <td>{run.trigger}</td>
      <td><RelativeTime value={run.startedAt} /></td>
      <td><RelativeTime value={run.finishedAt} /></td>
      <td className="num">{duration === undefined ? '—' : formatDuration(duration)}</td>
      <td style={{ minWidth: 200 }}>
        {run.progressTotal > 0 ? <ProgressBar done={run.progressDone} total={run.progressTotal} label={`Progress of ${run.jobId}`} /> : <span className="muted">—</span>}
      </td>
      <td><Summary summary={run.summary} /></td>
      <td className="txt">{run.error ? <span className="field-error" style={{ margin: 0 }}>{run.error}</span> : <span className="muted">—</span>}</td>
    </tr>
  );
}

/** Jobs `/jobs`: schedules with their next run, and recent runs. */
export function JobsPage() {
  const { data, isLoading, error } = useJobsQuery();
  return (
    <>
      <h1>Jobs</h1>
      <LoadingPanel isLoading={isLoading} error={error}>
        {data ? (
          <>
            {data.problem ? <div className="alert error" role="alert" data-testid="scheduler-problem">{data.problem}</div> : null}
            <h2>Schedules</h2>
            <LoadingPanel isLoading={false} isEmpty={data.schedules.length === 0} emptyMessage="No job is scheduled in this process (JOBS_ENABLED=false or a separate worker).">
              <div className="table-wrap">
                <table data-testid="schedules-table">
                  <thead>
                    <tr>
                      <th scope="col">Job</th>
                      <th scope="col">Schedule (cron)</th>
                      <th scope="col">Next run</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.schedules.map((s) => (
                      <tr key={s.jobId} data-testid="schedule-row" data-job-id={s.jobId}>
                        <td className="mono">{s.jobId}</td>
                        <td className="mono">{s.cron}</td>
                        <td><RelativeTime value={s.nextRunAt} fallback="—" /></td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </LoadingPanel>
            <h2>Recent runs</h2>
            <LoadingPanel isLoading={false} isEmpty={data.runs.length === 0} emptyMessage="No run yet.">
              <div className="table-wrap">
                <table data-testid="runs-table">
                  <thead>
                    <tr>
                      <th scope="col">Job</th>
                      <th scope="col">Status</th>
                      <th scope="col">Trigger</th>
                      <th scope="col">Started</th>
                      <th scope="col">Finished</th>
                      <th scope="col" className="num">Duration</th>
                      <th scope="col">Progress</th>
                      <th scope="col">Summary</th>
                      <th scope="col">Error</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.runs.map((run) => <RunRow key={run.id} run={run} />)}
                  </tbody>
                </table>
              </div>
            </LoadingPanel>
          </>
        ) : null}
      </LoadingPanel>
    </>
  );
}
