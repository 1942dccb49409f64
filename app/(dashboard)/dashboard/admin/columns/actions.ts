'use server';

import { authedAction } from '@/lib/action';
import { createColumn, moveColumn, updateColumn } from '@/services/admin/columns';

// Thin: one service verb behind authedAction, which refreshes the public tags the verb
// reports (columns, the column, its parents, home). Every export is a public POST endpoint.

export const createColumnAction = authedAction(createColumn);
export const updateColumnAction = authedAction(updateColumn);
export const moveColumnAction = authedAction(moveColumn);
