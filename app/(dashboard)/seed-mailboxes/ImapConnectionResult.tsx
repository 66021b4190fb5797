import type { ImapConnectionTest } from '../../_hooks/api-types.ts';
import { Badge } from '../../_components/Badge.tsx';
import { IMAP_ERROR_WORDS } from '../../_components/placement-words.ts';

/** A seed mailbox connection test: the folders found with the spam folder and why, or the error in words. */
export function ImapConnectionResult({ result, testId = 'mailbox-connection-result' }: { result: ImapConnectionTest; testId?: string }) {
  if (!result.ok || result.error) {
    const kind = result.error?.kind ?? 'protocol';
    return (
      <div className="alert error" role="status" data-testid={testId} data-ok="false" data-error-kind={kind}>
        <strong>{IMAP_ERROR_WORDS[kind] ?? kind}.</strong> {result.error?.message}
      </div>
    );
  }
  const folders = result.folders ?? [];
  return (
    <div className="alert ok" role="status" data-testid={testId} data-ok="true" data-spam={result.spam?.path ?? ''}>
      <div data-testid="mailbox-spam-folder-found">
        {result.spam ? (
          <>Spam folder: <code>{result.spam.path}</code> <span className="small">({result.spam.why})</span></>
        ) : (
          <>No spam folder found: set one in “Spam folder” or messages filed as spam will read as missing.</>
        )}
      </div>
      <div className="small" style={{ marginTop: 4 }}>{folders.length} folders:</div>
      <ul className="folders" data-testid="mailbox-folders">
        {folders.map((folder) => (
          <li key={folder.path} data-testid="mailbox-folder" data-path={folder.path} data-special-use={folder.specialUse ?? ''}>
            <code>{folder.path}</code>
            {folder.specialUse ? <span className="muted small"> {folder.specialUse}{folder.source ? ` (${folder.source})` : ''}</span> : null}
            {result.spam?.path === folder.path ? <> <Badge tone="red">spam folder</Badge></> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
