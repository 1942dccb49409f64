// The field app's copy of a person's reports on the phone (IndexedDB). Every keystroke lands
// here first, so closing the tab, the browser or losing signal loses nothing.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { EditorFields } from '@/domain/article-input';
import type { RichTextDoc } from '@/domain/rich-text';

export type DraftFields = EditorFields;

export interface ServerCopy {
  version: number;
  title: string;
  subtitle: string;
  summary: string;
  body: RichTextDoc;
  authorName: string | null;
}

export interface LocalDraft {
  /** Made on this phone (UUID); the server's idempotency key for creating the article. */
  key: string;
  /** The signed-in person; one phone may be shared, and nobody sees another's drafts. */
  uid: number;
  articleId: number | null;
  /** The server version these fields are based on. */
  baseVersion: number | null;
  fields: DraftFields;
  /** Changes on the phone that the server does not have yet. */
  dirty: boolean;
  /** Bumped on every local change, so a sync knows whether typing happened meanwhile. */
  rev: number;
  /** Bumped when the text is replaced from outside (the server's copy), so an open editor reloads. */
  loaded: number;
  status: string;
  receiptCode: string | null;
  /** Why the report came back (退回修改), or why the last sync was refused. */
  reason: string | null;
  syncError: string | null;
  /** The server moved on while this phone had unsent changes: both are kept until the person decides. */
  conflict: ServerCopy | null;
  /** In the outbox: read-only until sent or taken back. */
  queued: boolean;
  updatedAt: number;
  syncedAt: number | null;
}

export type OutboxState = 'waiting' | 'sending' | 'sent' | 'failed';

export interface OutboxItem {
  /** The submission key (UUID): replays of it submit once on the server. */
  key: string;
  uid: number;
  draftKey: string;
  title: string;
  state: OutboxState;
  error: string | null;
  createdAt: number;
  sentAt: number | null;
  attempts: number;
  articleId: number | null;
  receiptCode: string | null;
}

interface FieldDB extends DBSchema {
  drafts: { key: string; value: LocalDraft; indexes: { uid: number } };
  outbox: { key: string; value: OutboxItem; indexes: { uid: number } };
}

let dbPromise: Promise<IDBPDatabase<FieldDB>> | null = null;

export function fieldDb(): Promise<IDBPDatabase<FieldDB>> {
  dbPromise ??= openDB<FieldDB>('minsheng-field', 1, {
    upgrade(db) {
      db.createObjectStore('drafts', { keyPath: 'key' }).createIndex('uid', 'uid');
      db.createObjectStore('outbox', { keyPath: 'key' }).createIndex('uid', 'uid');
    },
  });
  return dbPromise;
}

export async function listDrafts(uid: number): Promise<LocalDraft[]> {
  const all = await (await fieldDb()).getAllFromIndex('drafts', 'uid', uid);
  return all.sort((a, b) => b.updatedAt - a.updatedAt);
}

export async function getDraft(key: string): Promise<LocalDraft | undefined> {
  return (await fieldDb()).get('drafts', key);
}

export async function putDraft(d: LocalDraft): Promise<void> {
  await (await fieldDb()).put('drafts', d);
}

/** Read-modify-write in one transaction, so a sync's answer never overwrites newer typing. */
export async function updateDraft(key: string, fn: (d: LocalDraft) => LocalDraft | null): Promise<LocalDraft | null> {
  const db = await fieldDb();
  const tx = db.transaction('drafts', 'readwrite');
  const current = await tx.store.get(key);
  const next = current ? fn(current) : null;
  if (next) await tx.store.put(next);
  await tx.done;
  return next;
}

export async function deleteDraft(key: string): Promise<void> {
  await (await fieldDb()).delete('drafts', key);
}

export async function listOutbox(uid: number): Promise<OutboxItem[]> {
  const all = await (await fieldDb()).getAllFromIndex('outbox', 'uid', uid);
  return all.sort((a, b) => b.createdAt - a.createdAt);
}

export async function putOutbox(item: OutboxItem): Promise<void> {
  await (await fieldDb()).put('outbox', item);
}

export async function updateOutbox(key: string, fn: (o: OutboxItem) => OutboxItem | null): Promise<OutboxItem | null> {
  const db = await fieldDb();
  const tx = db.transaction('outbox', 'readwrite');
  const current = await tx.store.get(key);
  const next = current ? fn(current) : null;
  if (next) await tx.store.put(next);
  await tx.done;
  return next;
}

export async function deleteOutbox(key: string): Promise<void> {
  await (await fieldDb()).delete('outbox', key);
}
