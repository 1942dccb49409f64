import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { env } from '@/lib/env';
import './globals.css';

// Every page reads site settings from the database: render per request, never at build.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = {
  metadataBase: new URL(env().SITE_URL),
  title: { default: '民生网', template: '%s - 民生网' },
  formatDetection: { telephone: false },
};

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  themeColor: '#b4141b',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="zh-CN">
      <body className="min-h-screen font-sans antialiased">{children}</body>
    </html>
  );
}
