import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { Nav } from './_components/Nav.tsx';
import { Providers } from './providers.tsx';
import './globals.css';

export const metadata: Metadata = {
  title: 'Inboxwatch',
  description: 'DNSBL and RHSBL monitoring for your sending IPs, ranges and domains.',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <Providers>
          <div className="shell">
            <Nav />
            <main className="content" id="main">
              {children}
            </main>
          </div>
        </Providers>
      </body>
    </html>
  );
}
