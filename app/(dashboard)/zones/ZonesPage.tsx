'use client';

import { useState } from 'react';
import type { Zone } from '../../_hooks/api-types.ts';
import { useZonesQuery } from '../../_hooks/queries/useZonesQuery.ts';
import { LoadingPanel } from '../../_components/LoadingPanel.tsx';
import { ZoneRow } from './ZoneRow.tsx';

type Filter = 'enabled' | 'unhealthy' | 'all';

const FILTERS: { value: Filter; label: string; test: (zone: Zone) => boolean }[] = [
  { value: 'enabled', label: 'Enabled', test: (zone) => zone.enabled },
  { value: 'unhealthy', label: 'Unhealthy', test: (zone) => zone.health === 'unhealthy' },
  { value: 'all', label: 'All', test: () => true },
];

/** Zones `/zones`: the blocklist catalog with health, enable toggle, weight and daily budget. */
export function ZonesPage() {
  const { data, isLoading, error } = useZonesQuery();
  const [filter, setFilter] = useState<Filter>('enabled');
  // Zones changed since the filter was chosen stay in view, so a zone just switched off can be switched back on.
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const active = FILTERS.find((f) => f.value === filter) ?? FILTERS[2];
  const rows = (data ?? []).filter((zone) => active.test(zone) || touched.has(zone.zone));
  const onChanged = (zone: string) => setTouched((prev) => new Set(prev).add(zone));
  return (
    <>
      <h1>Zones</h1>
      <div className="filters" role="group" aria-label="Show zones" data-testid="zone-filter">
        {FILTERS.map((f) => (
          <button key={f.value} type="button" aria-pressed={filter === f.value} onClick={() => {
              setFilter(f.value);
              setTouched(new Set());
            }} data-filter={f.value}>
            {f.label} ({(data ?? []).filter(f.test).length})
          </button>
        ))}
      </div>
      <LoadingPanel isLoading={isLoading} error={error} isEmpty={rows.length === 0} emptyMessage="No zone matches this filter.">
        <div className="table-wrap">
          <table data-testid="zones-table">
            <thead>
              <tr>
                <th scope="col">Zone</th>
                <th scope="col">Operator</th>
                <th scope="col">Keys</th>
                <th scope="col">Polarity</th>
                <th scope="col">Status</th>
                <th scope="col">Health</th>
                <th scope="col">Enabled</th>
                <th scope="col">Weight</th>
                <th scope="col" className="num">Queries today / budget</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((zone) => <ZoneRow key={zone.zone} zone={zone} onChanged={onChanged} />)}
            </tbody>
          </table>
        </div>
      </LoadingPanel>
    </>
  );
}
