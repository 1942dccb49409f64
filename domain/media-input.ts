import { z } from 'zod';

/** One line of plain text: control characters and runs of whitespace become one space. */
const plainLine = (label: string, max: number) =>
  z
    .string({ error: `请填写${label}` })
    .transform((s) => s.replace(/[\u0000-\u001f\u007f\s]+/g, ' ').trim())
    .pipe(z.string().max(max, `${label}不能超过 ${max} 字`));

/** What the media library's edit form sends. */
export const mediaDetailsSchema = z.object({
  id: z.number().int().positive(),
  caption: plainLine('图片说明', 200),
  alt: plainLine('替代文字', 200),
});
export type MediaDetailsInput = z.input<typeof mediaDetailsSchema>;
