// Chinese text of the readers' inbox (读者来信) in the dashboard (one place, so a
// translation is one file).

import type { MessageKind, MessageStatus } from '@/domain/messages';

export const KIND_LABELS: Record<MessageKind, string> = { tip: '举报', contact: '联系', correction: '挑错' };
export const MESSAGE_STATUS_LABELS: Record<MessageStatus, string> = { new: '新', assigned: '已分派', handled: '已处理' };

const EVENT_LABELS: Record<string, string> = {
  'message.assign': '分派',
  'message.handle': '标记为已处理',
  'message.reopen': '重新打开',
  'message.view_contact': '查看了联系方式',
};

export const im = {
  inbox: '读者来信',
  intro: '读者通过信息举报、联系我们和文章“挑错”发来的信息。只在编辑部内部可见。',
  countsLabel: '各状态来信数',
  kindFilter: '类别',
  allKinds: '全部',
  search: '回执号或标题',
  searchButton: '查找',
  reset: '清除',
  total: (n: number) => `共 ${n} 封`,
  empty: '没有符合条件的来信。',
  emptyInbox: '还没有读者来信。',
  noSubject: '(无标题)',
  correctionSubject: (title: string) => `挑错:${title}`,
  receipt: '回执号',
  receivedAgo: (age: string) => (age === '0 分钟' ? '刚刚' : `${age}前`),
  assignee: '处理人',
  unassigned: '未分派',
  about: '关于',
  prevPage: '上一页',
  nextPage: '下一页',
  pageOf: (p: number, n: number) => `第 ${p} / ${n} 页`,
  pagination: '分页',
  kind: (k: MessageKind) => KIND_LABELS[k],
  status: (s: MessageStatus) => MESSAGE_STATUS_LABELS[s],

  // One message
  backToInbox: '返回读者来信',
  messageTitle: '来信',
  info: '来信信息',
  kindLabel: '类别',
  statusLabel: '状态',
  received: '收到时间',
  body: '来信内容',
  article: '相关文章',
  articleGone: '(文章已删除)',
  editArticle: '修改文章',
  openArticle: '在编辑部打开',
  publicArticle: '查看网站上的文章',
  articleNotPublic: '这篇文章目前没有公开。',
  handledBy: '处理人',
  handledAt: '处理时间',
  handledNote: '处理说明',

  contactTitle: '读者的联系方式',
  contactHidden: '联系方式已隐藏:只有总编辑和系统管理员可以查看。',
  contactNone: '读者没有留下姓名和联系方式。',
  contactLeft: '读者留下了姓名或联系方式。',
  contactAudit: '为保护读者,联系方式不直接显示;每次查看都会记入审计日志。',
  revealContact: '查看联系方式',
  revealing: '读取中…',
  contactName: '姓名',
  contactValue: '联系方式',
  contactBlank: '(未填写)',
  contactLogged: '本次查看已记入审计日志。',

  actions: '处理',
  assignTo: '分派给',
  assign: '分派',
  assigning: '分派中…',
  assignToMe: '分派给我',
  handleNote: '处理说明',
  handleNoteHint: '必填:写明核实结果和采取的措施(如“已更正第二段的日期”),最多 1000 字。',
  markHandled: '标记为已处理',
  handling: '保存中…',
  reopen: '重新打开',
  reopening: '打开中…',
  handledNotice: '这封来信已处理。如需继续跟进,可以重新打开。',
  cannotHandle: '您可以查看来信,但没有处理来信的权限。',

  history: '处理记录',
  noHistory: '还没有处理记录。',
  eventLabel: (action: string) => EVENT_LABELS[action] ?? action,
  assignedToName: (name: string) => `给 ${name}`,
  noteLabel: '说明',
  system: '系统',

  notFoundTitle: '没有找到这封来信',
  notFoundText: '这封来信不存在,或者您没有查看读者来信的权限。',
} as const;
