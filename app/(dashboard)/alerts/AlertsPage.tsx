'use client';

import { ChannelsPanel } from './ChannelsPanel.tsx';
import { IncidentsPanel } from './IncidentsPanel.tsx';
import { RulesTable } from './RulesTable.tsx';

/** Alerts `/alerts`: incidents (open first, then history), the rules, and the channels with their delivery log. */
export function AlertsPage() {
  return (
    <>
      <h1>Alerts</h1>
      <IncidentsPanel />
      <RulesTable />
      <ChannelsPanel />
    </>
  );
}
