import type { Metadata } from 'next';
import { ReaderForm } from '@/components/site/reader-form';
import { rfm } from '@/components/site/reader-form-messages';
import { ReaderFormPage } from '@/components/site/reader-form-page';
import { issueFormToken } from '@/lib/form-token';
import { pageSeo } from '@/lib/seo';
import { submitReaderMessageAction } from '../report/actions';

// Per visit, never cached: the form's signed token carries the time of this visit (see /report).
export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const title = rfm.title('contact');
  return { title, description: rfm.description.contact, ...(await pageSeo({ path: '/contact', title, description: rfm.description.contact })) };
}

export default function ContactPage() {
  return (
    <ReaderFormPage kind="contact">
      <ReaderForm kind="contact" token={issueFormToken('contact')} article={null} action={submitReaderMessageAction} />
    </ReaderFormPage>
  );
}
