'use client';

import { useRouter } from 'next/navigation';
import type { SmtpServer } from '../../_hooks/api-types.ts';
import { useDeleteSmtpServerMutation } from '../../_hooks/queries/useDeleteSmtpServerMutation.ts';
import { useStartPlacementTestMutation } from '../../_hooks/queries/useStartPlacementTestMutation.ts';
import { useTestSmtpServerMutation } from '../../_hooks/queries/useTestSmtpServerMutation.ts';
import { useUpdateSmtpServerMutation } from '../../_hooks/queries/useUpdateSmtpServerMutation.ts';
import { errorMessage } from '../../_hooks/useApi.ts';
import { SmtpConnectionResult } from '../../_components/SmtpConnectionResult.tsx';

/**
 * Buttons of one server: test connection (result shown below), run a placement test now (opens the test's
 * page), edit, pause / resume, delete.
 */
export function ServerActions({ server, onEdit, onDeleted }: { server: SmtpServer; onEdit?: () => void; onDeleted?: () => void }) {
  const router = useRouter();
  const test = useTestSmtpServerMutation(server.id);
  const run = useStartPlacementTestMutation();
  const update = useUpdateSmtpServerMutation();
  const remove = useDeleteSmtpServerMutation();
  const onRemove = () => {
    if (window.confirm(`Delete ${server.name} and its placement tests?`)) remove.mutate(server.id, { onSuccess: onDeleted });
  };
  const failure = run.error ?? update.error ?? remove.error ?? test.error;
  return (
    <div>
      <div className="actions">
        <button type="button" onClick={() => test.mutate()} disabled={test.isPending} aria-busy={test.isPending} data-testid="server-test-connection" aria-label={`Test connection to ${server.name}`}>
          {test.isPending ? 'Testing…' : 'Test connection'}
        </button>
        <button
          type="button"
          className="primary"
          onClick={() => run.mutate({ serverId: server.id }, { onSuccess: ({ id }) => router.push(`/placement/${id}`) })}
          disabled={run.isPending || !server.enabled}
          title={server.enabled ? undefined : 'Resume the server first'}
          data-testid="server-run-test"
          aria-label={`Run placement test now through ${server.name}`}
        >
          {run.isPending ? 'Starting…' : 'Run placement test now'}
        </button>
        {onEdit ? <button type="button" onClick={onEdit} data-testid="server-edit" aria-label={`Edit ${server.name}`}>Edit</button> : null}
        <button
          type="button"
          onClick={() => update.mutate({ id: server.id, enabled: !server.enabled })}
          disabled={update.isPending}
          data-testid="server-toggle"
          aria-label={`${server.enabled ? 'Pause' : 'Resume'} ${server.name}`}
        >
          {server.enabled ? 'Pause' : 'Resume'}
        </button>
        <button type="button" className="danger" onClick={onRemove} disabled={remove.isPending} data-testid="server-delete" aria-label={`Delete ${server.name}`}>
          {remove.isPending ? 'Deleting…' : 'Delete'}
        </button>
      </div>
      {failure ? <div className="field-error" role="alert" data-testid="server-action-error">{errorMessage(failure)}</div> : null}
      {test.data ? <SmtpConnectionResult result={test.data} security={server.security} hasAuth={Boolean(server.authUser)} /> : null}
    </div>
  );
}
