/** The second argument Next.js passes to a dynamic route handler (params are a Promise since Next 15, decoded). */
export interface RouteContext<P extends Record<string, string>> {
  params: Promise<P>;
}
