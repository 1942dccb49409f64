import { jsonRoute } from '@/lib/route';
import { submitFieldDraft } from '@/services/articles/field';

/** The field app's outbox: save and submit a report, once per submission key. */
export const POST = jsonRoute(submitFieldDraft);
