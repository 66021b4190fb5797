'use client';

import { useCallback } from 'react';
import type { ApiError } from './api-types.ts';

export type ApiMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** Options of one API call: the body is sent as JSON; `query` values that are undefined are left out. */
export interface ApiRequest {
  method?: ApiMethod;
  body?: unknown;
  query?: Record<string, string | number | undefined>;
}

function isApiError(value: unknown): value is ApiError {
  return typeof value === 'object' && value !== null && 'message' in value && 'status' in value;
}

/** Reads `{ error: { message, code } }` from a failed response; falls back to the status text. */
async function toApiError(res: Response): Promise<ApiError> {
  const text = await res.text();
  try {
    const body = JSON.parse(text) as { error?: { message?: string; code?: ApiError['code'] } };
    if (body.error?.message) {
      return { message: body.error.message, code: body.error.code ?? 'server', status: res.status };
    }
  } catch {
    // Not JSON: a proxy page or a crash; the status line is the best message.
  }
  return { message: `${res.status} ${res.statusText || 'request failed'}`, code: 'server', status: res.status };
}

/**
 * Calls one JSON API route. Resolves with the parsed JSON (undefined for 204) and rejects with an `ApiError`
 * `{ message, code, status }` taken from the error envelope; a failed connection rejects with code `network`
 * and status 0.
 */
export async function apiFetch<T>(path: string, { method = 'GET', body, query }: ApiRequest = {}): Promise<T> {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined) params.set(key, String(value));
  }
  const url = params.size > 0 ? `${path}?${params}` : path;
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      headers: body === undefined ? { accept: 'application/json' } : { 'content-type': 'application/json', accept: 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store',
    });
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw { message: `Cannot reach the server: ${reason}`, code: 'network', status: 0 } satisfies ApiError;
  }
  if (!res.ok) throw await toApiError(res);
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

/** Turns anything a query or mutation rejected with into a user-facing message. */
export function errorMessage(error: unknown): string {
  if (isApiError(error)) return error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}

/** The shared fetch wrapper for hooks: `const { get, send } = useApi()`. */
export function useApi() {
  const get = useCallback(
    <T,>(path: string, query?: ApiRequest['query']) => apiFetch<T>(path, { query }),
    [],
  );
  const send = useCallback(
    <T,>(method: Exclude<ApiMethod, 'GET'>, path: string, body?: unknown) => apiFetch<T>(path, { method, body }),
    [],
  );
  return { get, send };
}
