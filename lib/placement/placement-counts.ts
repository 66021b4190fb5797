/** Seeds of a test per placement word. */
export interface PlacementCounts {
  inbox: number;
  tab: number;
  spam: number;
  other_folder: number;
  missing: number;
  error: number;
  pending: number;
}

/** The placement words (PlacementResult.placement). */
export const PLACEMENTS = ['inbox', 'tab', 'spam', 'other_folder', 'missing', 'error', 'pending'] as const;

/** Count results per placement; an unknown word is not counted. */
export function placementCounts(params: { results: { placement: string }[] }): PlacementCounts {
  const counts: PlacementCounts = { inbox: 0, tab: 0, spam: 0, other_folder: 0, missing: 0, error: 0, pending: 0 };
  for (const r of params.results) {
    if ((PLACEMENTS as readonly string[]).includes(r.placement)) counts[r.placement as keyof PlacementCounts]++;
  }
  return counts;
}
