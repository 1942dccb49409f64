import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { connection } from 'next/server';
import { getSiteSettings } from '@/db/queries/site';
import { env } from '@/lib/env';
import './globals.css';

// Every page reads site settings from the database, so pages render per request and never
// at build time: `connection()` says so before any read. A page that sets
// `dynamic = 'force-static'` (the article page: cached whole, invalidated by tags) makes
// `connection()` a no-op and is rendered on its first request instead.
export async function generateMetadata(): Promise<Metadata> {
  await connection();
  const { siteName, slogan } = await getSiteSettings();
  return {
    metadataBase: new URL(env().SITE_URL),
    title: { default: siteName, template: `%s - ${siteName}` },
    description: slogan,
    applicationName: siteName,
    formatDetection: { telephone: false },
  };
}

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  themeColor: '#b4141b',
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  await connection();
  return (
    <html lang="zh-CN">
      <body className="min-h-screen font-sans antialiased">{children}</body>
    </html>
  );
}
