'use client';

import { useEffect, useState, type FormEvent } from 'react';
import type { Settings } from '../../_hooks/api-types.ts';
import { useUpdateSettingsMutation } from '../../_hooks/queries/useUpdateSettingsMutation.ts';
import { errorMessage } from '../../_hooks/useApi.ts';

/**
 * Placement timing the user can change: the collection deadline (after a send, when an unfound seed becomes
 * missing) and the poll interval (between two IMAP polls of a test). Whole seconds; the server checks the ranges
 * (60 s – 7 days, 5 s – 1 hour, poll shorter than the deadline) and the worker uses them from its next tick.
 */
export function PlacementSettingsForm({ settings }: { settings: Settings }) {
  const update = useUpdateSettingsMutation();
  const [deadline, setDeadline] = useState(String(settings.placementCollectDeadlineSeconds));
  const [poll, setPoll] = useState(String(settings.placementPollIntervalSeconds));
  useEffect(() => setDeadline(String(settings.placementCollectDeadlineSeconds)), [settings.placementCollectDeadlineSeconds]);
  useEffect(() => setPoll(String(settings.placementPollIntervalSeconds)), [settings.placementPollIntervalSeconds]);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    update.mutate({ placementCollectDeadlineSeconds: Number(deadline), placementPollIntervalSeconds: Number(poll) });
  };
  const edited = () => {
    if (update.isError || update.isSuccess) update.reset();
  };
  return (
    <form onSubmit={onSubmit} className="panel" aria-labelledby="placement-settings-heading" data-testid="placement-settings">
      <h2 id="placement-settings-heading">Placement tests</h2>
      <div className="field">
        <label htmlFor="placement-deadline">Collection deadline (seconds after the send; then an unfound seed is missing)</label>
        <input
          id="placement-deadline"
          type="number"
          min={60}
          max={604800}
          step={1}
          value={deadline}
          onChange={(e) => (setDeadline(e.target.value), edited())}
          aria-invalid={update.isError}
          aria-describedby="placement-settings-msg"
          data-testid="settings-placement-deadline"
        />
      </div>
      <div className="field">
        <label htmlFor="placement-poll">Poll interval (seconds between two looks in the seed mailboxes)</label>
        <input
          id="placement-poll"
          type="number"
          min={5}
          max={3600}
          step={1}
          value={poll}
          onChange={(e) => (setPoll(e.target.value), edited())}
          aria-invalid={update.isError}
          aria-describedby="placement-settings-msg"
          data-testid="settings-placement-poll"
        />
      </div>
      <div id="placement-settings-msg">
        {update.isError ? <div className="field-error" role="alert" data-testid="placement-settings-error">{errorMessage(update.error)}</div> : null}
        {update.isSuccess ? (
          <div className="field-hint" role="status" data-testid="placement-settings-saved">
            Saved: deadline {update.data.placementCollectDeadlineSeconds} s, poll every {update.data.placementPollIntervalSeconds} s (from the next worker tick).
          </div>
        ) : null}
      </div>
      <div style={{ marginTop: 8 }}>
        <button type="submit" className="primary" disabled={update.isPending} data-testid="placement-settings-save">
          {update.isPending ? 'Saving…' : 'Save placement timing'}
        </button>
      </div>
    </form>
  );
}
