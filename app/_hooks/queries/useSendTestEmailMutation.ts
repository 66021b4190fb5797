'use client';

import { useMutation } from '@tanstack/react-query';
import type { ApiError, TestEmailResult } from '../api-types.ts';
import { useApi } from '../useApi.ts';

/** POST /api/settings/test-email: `{ messageId, accepted }`; rejects 503 `unavailable` without alert SMTP. */
export function useSendTestEmailMutation() {
  const { send } = useApi();
  return useMutation<TestEmailResult, ApiError>({
    mutationFn: () => send<TestEmailResult>('POST', '/api/settings/test-email'),
  });
}
