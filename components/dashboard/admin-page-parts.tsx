import Link from 'next/link';
import { am } from './admin-messages';

/** The way back from an admin form to its section's list. */
export function AdminBackLink({ href, label }: { href: string; label: string }) {
  return (
    <nav aria-label={am.breadcrumb} className="text-sm">
      <Link href={href} className="text-red-700 underline">
        {label}
      </Link>
    </nav>
  );
}

/** Shown once after a create redirected to the new record's page. */
export function CreatedNotice({ text }: { text: string }) {
  return (
    <p role="status" className="rounded border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-900">
      {text}
    </p>
  );
}
