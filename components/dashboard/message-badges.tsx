import type { MessageKind, MessageStatus } from '@/domain/messages';
import { im } from './inbox-messages';

const KIND_COLORS: Record<MessageKind, string> = {
  tip: 'bg-amber-100 text-amber-900',
  contact: 'bg-sky-100 text-sky-900',
  correction: 'bg-violet-100 text-violet-900',
};
const STATUS_COLORS: Record<MessageStatus, string> = {
  new: 'bg-red-700 text-white',
  assigned: 'bg-sky-100 text-sky-900',
  handled: 'bg-slate-200 text-slate-700',
};

export function KindBadge({ kind }: { kind: MessageKind }) {
  return <span className={`inline-block rounded px-1.5 py-0.5 text-xs font-medium whitespace-nowrap ${KIND_COLORS[kind]}`}>{im.kind(kind)}</span>;
}

export function MessageStatusBadge({ status }: { status: MessageStatus }) {
  return (
    <span className={`inline-block rounded px-1.5 py-0.5 text-xs font-medium whitespace-nowrap ${STATUS_COLORS[status]}`} data-message-status={status}>
      {im.status(status)}
    </span>
  );
}

/** What a message is called in lists: its subject, else the article a correction is about, else its first words. */
export function messageTitle(m: { kind: MessageKind; subject: string; articleTitle: string | null; preview: string }): string {
  if (m.subject) return m.subject;
  if (m.kind === 'correction' && m.articleTitle) return im.correctionSubject(m.articleTitle);
  return m.preview.replace(/\s+/g, ' ').trim() || im.noSubject;
}
