import type { ReactNode } from 'react';
import { AdminNav } from '@/components/dashboard/admin-nav';
import { can } from '@/domain/permissions';
import { getPrincipal } from '@/lib/session';

/** The sections' tabs, for admins; each page still checks the role itself. */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const p = await getPrincipal();
  return (
    <div className="space-y-4">
      {can(p, 'admin.manage') && <AdminNav />}
      {children}
    </div>
  );
}
