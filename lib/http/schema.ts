import { z } from 'zod';

/** Paging query parameters shared by list routes: `limit` 1–10000 (default 1000), `offset` ≥ 0 (default 0). */
export const ZPagingParams = z.object({
  limit: z.coerce.number().int().min(1).max(10000).default(1000),
  offset: z.coerce.number().int().min(0).default(0),
});

/** An empty body or `{}`: for POST routes that take no input. Unknown fields are refused. */
export const ZEmptyBody = z.object({}).strict();
