'use server';

import { signOut } from '@/auth';
import { authedAction, type ActionResult } from '@/lib/action';
import { addComment } from '@/services/articles/comment';
import { createArticle } from '@/services/articles/create';
import { curateArticle } from '@/services/articles/curate';
import { heartbeat } from '@/services/articles/presence';
import { restoreRevision } from '@/services/articles/restore';
import { saveArticle } from '@/services/articles/save';
import { transitionArticle } from '@/services/articles/transition';
import { markNotificationsRead } from '@/services/notifications';
import { signOutEverywhere } from '@/services/sessions';

// Thin: each action is one service verb behind authedAction, which loads the person;
// the verb checks what they may do. Every export here is a public POST endpoint.

export const createArticleAction = authedAction(createArticle);
export const saveArticleAction = authedAction(saveArticle);
export const transitionArticleAction = authedAction(transitionArticle);
export const restoreRevisionAction = authedAction(restoreRevision);
export const addCommentAction = authedAction(addComment);
export const curateArticleAction = authedAction(curateArticle);
export const heartbeatAction = authedAction(heartbeat);
export const markNotificationsReadAction = authedAction(markNotificationsRead);

const revokeAll = authedAction(signOutEverywhere);

/** Ends every session of this person, on every device, then leaves for the login page. */
export async function signOutEverywhereAction(): Promise<ActionResult<object>> {
  const result = await revokeAll(undefined);
  if (!result.ok) return result;
  await signOut({ redirectTo: '/login?signedOut=all' });
  return result;
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: '/login?signedOut=1' });
}
