import type { PlacementResult } from '../_hooks/api-types.ts';
import { Badge } from './Badge.tsx';
import { PLACEMENT_WORDS } from './placement-words.ts';

/**
 * Where one seed message landed: inbox green (a Gmail copy with its tab: "inbox · primary" or "inbox (tab
 * unknown)"); a Gmail tab blue with the tab (or "tab unknown"); spam red; another
 * folder amber with its name; missing grey; error dark red with the message; not found yet (or, before the relay
 * accepted it, waiting to send) with a spinner.
 */
export function PlacementBadge({ result, sent = true }: { result: Pick<PlacementResult, 'placement' | 'folder' | 'tab' | 'error'>; sent?: boolean }) {
  const data = { 'data-placement': result.placement, 'data-folder': result.folder ?? '', 'data-tab': result.tab ?? '' };
  switch (result.placement) {
    case 'inbox':
      // A Gmail copy in INBOX: Primary, or "tab unknown" when the server could not tell (design §6).
      return <Badge tone="green" testId="placement-badge" data={data}>inbox{result.tab === 'unknown' ? ' (tab unknown)' : result.tab ? ` · ${result.tab}` : ''}</Badge>;
    case 'tab': {
      const tab = result.tab && result.tab !== 'unknown' ? `${result.tab} tab` : 'tab unknown';
      return <Badge tone="blue" testId="placement-badge" data={data}>inbox · {tab}</Badge>;
    }
    case 'spam':
      return <Badge tone="red" testId="placement-badge" data={data}>spam</Badge>;
    case 'other_folder':
      return <Badge tone="amber" testId="placement-badge" data={data}>folder “{result.folder ?? '?'}”</Badge>;
    case 'missing':
      return <Badge tone="gray" testId="placement-badge" data={data} title="Not found in any folder before the deadline">missing</Badge>;
    case 'error':
      return (
        <span className="badge dark-red" data-testid="placement-badge" {...data}>
          error{result.error ? `: ${result.error}` : ''}
        </span>
      );
    default:
      return (
        <span className="badge gray" data-testid="placement-badge" {...data} role="status">
          <span className="spinner" aria-hidden="true" /> {sent ? PLACEMENT_WORDS.pending : 'waiting to send'}
        </span>
      );
  }
}
