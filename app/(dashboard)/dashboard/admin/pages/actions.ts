'use server';

import { authedAction } from '@/lib/action';
import { createPage, updatePage } from '@/services/admin/pages';

// Thin: one service verb behind authedAction, which refreshes the public tags the verb
// reports (pages, the page under its old and new slug, settings when the footer changed).
// Every export here is a public POST endpoint.

export const createPageAction = authedAction(createPage);
export const updatePageAction = authedAction(updatePage);
