// Everything the field app says to a team member.
import type { OutboxState } from '@/lib/field/store';

export const fm = {
  title: '现场报道',
  intro: '没有信号也能写稿:内容随时保存在本机,有信号时自动同步;提交的稿件先进入发件箱,联网后自动发出。',
  online: '在线',
  offline: '离线',
  offlineHint: '当前没有网络。可以继续写稿,内容保存在本机;恢复网络后会自动同步和发送。',
  signedOut: '登录已失效。本机的稿件都还在,重新登录后会继续同步。',
  signIn: '重新登录',
  newDraft: '写新稿件',
  myDrafts: '我的稿件',
  noDrafts: '还没有稿件。点「写新稿件」开始。',
  outbox: '发件箱',
  outboxEmpty: '发件箱是空的。',
  back: '← 我的稿件',
  untitled: '(无标题)',
  submit: '提交审核',
  submitQueued: '已放入发件箱',
  queuedNote: '这篇稿件在发件箱里等待发送,发出前不能修改。',
  retry: '重新发送',
  takeBack: '撤回修改',
  open: '打开稿件',
  delete: '删除本机草稿',
  deleteConfirm: '确定删除这篇尚未上传的草稿吗?删除后无法恢复。',
  savedLocal: (t: string) => `已保存在本机 ${t}`,
  synced: (t: string) => `已同步到服务器 ${t}`,
  notSynced: '有修改尚未同步到服务器,联网后自动同步',
  conflictTitle: '这篇稿件在服务器上已被修改',
  conflictBody: '您在本机的修改没有覆盖对方,也没有丢失。左边是您的内容,右边是服务器上的内容,请选择保留哪一份:',
  keepMine: '保留我的内容(覆盖服务器)',
  useServer: '使用服务器上的内容',
  returned: (reason: string) => `稿件被退回修改:${reason}`,
  receipt: (code: string) => `回执号 ${code}`,
  installTitle: '安装到手机',
  installHint: '在浏览器菜单中选择「添加到主屏幕」或「安装应用」,以后可以像 App 一样从桌面打开,没有信号也能写稿。',
  install: '安装',
  fields: {
    title: '标题',
    column: '栏目',
    reporters: '记者(如:记者 张三 通讯员 李四)',
    summary: '导语',
    body: '正文',
  },
};

export const OUTBOX_LABELS: Record<OutboxState, string> = {
  waiting: '等待发送',
  sending: '正在发送',
  sent: '已发送',
  failed: '发送失败',
};

export const DRAFT_LABELS = {
  local: '仅在本机',
  dirty: '未同步',
  synced: '已同步',
  conflict: '有冲突',
  queued: '在发件箱',
};
