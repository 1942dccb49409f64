/** User roles; the permissions table that maps them to abilities lives in permissions.ts. */
export const ROLES = ['contributor', 'editor', 'chief_editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  contributor: '驻村工作队队员',
  editor: '编辑',
  chief_editor: '总编辑',
  admin: '管理员',
};
