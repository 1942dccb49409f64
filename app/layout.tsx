import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { getSiteSettings } from '@/db/queries/site';
import { env } from '@/lib/env';
import './globals.css';

// Every page reads site settings from the database: render per request, never at build.
export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
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

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="zh-CN">
      <body className="min-h-screen font-sans antialiased">{children}</body>
    </html>
  );
}
