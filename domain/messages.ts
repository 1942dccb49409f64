/** Reader messages (信息举报 / 联系我们 / 挑错). Never shown publicly. */
export const MESSAGE_KINDS = ['tip', 'contact', 'correction'] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];
export const MESSAGE_STATUSES = ['new', 'assigned', 'handled'] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];
