'use client';

import Link from 'next/link';
import type { ListingEvent, OverviewEvent, Polarity } from '../_hooks/api-types.ts';
import { Badge } from './Badge.tsx';
import { CodeList } from './CodeList.tsx';
import { RelativeTime } from './RelativeTime.tsx';

function hasAsset(event: ListingEvent | OverviewEvent): event is OverviewEvent {
  return 'assetId' in event;
}

/**
 * Listing and delisting events, newest first. On an allow-list zone (DNSWL) a listing is good news, so the
 * colors follow the zone's polarity when it is known. Overview events link to their asset.
 */
export function EventList({ events, polarityOf, testId }: {
  events: (ListingEvent | OverviewEvent)[];
  polarityOf: (zone: string) => Polarity;
  testId: string;
}) {
  return (
    <ul className="events" data-testid={testId}>
      {events.map((event) => {
        const isGood = (event.kind === 'listed') === (polarityOf(event.zone) === 'allow');
        return (
          <li key={event.id} data-testid="event-row" data-kind={event.kind} data-zone={event.zone} data-target={event.target}>
            <div className="event-main">
              <Badge tone={isGood ? 'green' : 'red'}>{event.kind}</Badge>
              {hasAsset(event) ? (
                <Link href={`/assets/${event.assetId}`} className="mono">{event.target}</Link>
              ) : (
                <span className="mono">{event.target}</span>
              )}
              {hasAsset(event) && event.value !== event.target ? <span className="muted small mono">({event.value})</span> : null}
              <span>on <code>{event.zone}</code></span>
              <CodeList codes={event.codes} meanings={event.meanings} />
              {event.txt ? <span className="muted txt">“{event.txt}”</span> : null}
            </div>
            <RelativeTime value={event.at} />
          </li>
        );
      })}
    </ul>
  );
}
