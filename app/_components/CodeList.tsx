/** Return codes with their meanings, one per line: `127.0.0.2 — spam source`. */
export function CodeList({ codes, meanings }: { codes: string[]; meanings: string[] }) {
  if (codes.length === 0) return <span className="muted">—</span>;
  return (
    <ul className="codes" data-testid="listing-codes">
      {codes.map((code, i) => (
        <li key={`${code}-${i}`}>
          <code>{code}</code>
          {meanings[i] ? <span> — {meanings[i]}</span> : null}
        </li>
      ))}
    </ul>
  );
}
