'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

const LINKS = [
  { href: '/', label: 'Overview' },
  { href: '/assets', label: 'Assets' },
  { href: '/placement', label: 'Placement' },
  { href: '/quotas', label: 'Quotas' },
  { href: '/reputation', label: 'Reputation' },
  { href: '/alerts', label: 'Alerts' },
  { href: '/servers', label: 'Servers' },
  { href: '/seed-mailboxes', label: 'Seed mailboxes' },
  { href: '/zones', label: 'Zones' },
  { href: '/jobs', label: 'Jobs' },
  { href: '/settings', label: 'Settings' },
] as const;

/** The left navigation; the current section is marked with aria-current. */
export function Nav() {
  const pathname = usePathname();
  const isCurrent = (href: string) => (href === '/' ? pathname === '/' : pathname.startsWith(href));
  return (
    <nav className="nav" aria-label="Main">
      <Link href="/" className="nav-brand">Inboxwatch</Link>
      <ul>
        {LINKS.map((link) => (
          <li key={link.href}>
            <Link href={link.href} aria-current={isCurrent(link.href) ? 'page' : undefined} data-testid={`nav-${link.label.toLowerCase().replaceAll(' ', '-')}`}>
              {link.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
