// Chinese text of the public reader forms: 信息举报, 联系我们 and 挑错 (one place, so a
// translation is one file).

import type { MessageKind } from '@/domain/messages';
import { READER_LIMITS as L, REQUIRED_FIELDS, type ReaderField, type ReaderIssue } from '@/domain/reader-message';

const KIND_TITLES: Record<MessageKind, string> = { tip: '信息举报', contact: '联系我们', correction: '挑错' };

const FIELD_LABELS: Record<MessageKind, Record<ReaderField, string>> = {
  tip: { name: '姓名', contact: '联系方式', subject: '标题', body: '举报内容' },
  contact: { name: '姓名', contact: '联系方式', subject: '主题', body: '留言内容' },
  correction: { name: '姓名', contact: '联系方式', subject: '问题概述', body: '错误之处' },
};

export const rfm = {
  title: (kind: MessageKind) => KIND_TITLES[kind],
  intro: {
    tip: '发现侵害群众利益、违法违规或不实信息等情况,请告诉我们。编辑部会核实每一条线索;您可以匿名举报。',
    contact: '对本站有意见建议、合作意向或其他事务,请在这里留言,编辑部会尽快与您联系。',
    correction: '发现文章中的错字、数字或事实错误,请告诉我们。核实后我们会及时更正。',
  } satisfies Record<MessageKind, string>,
  /** SEO description of each form page. */
  description: {
    tip: '向民生网编辑部举报线索和不实信息,可以匿名,提交后获得回执号。',
    contact: '给民生网编辑部留言:意见建议、合作与其他事务,提交后获得回执号。',
    correction: '告诉编辑部文章中的错误,核实后及时更正。',
  } satisfies Record<MessageKind, string>,
  label: (kind: MessageKind, field: ReaderField) => FIELD_LABELS[kind][field],
  required: '必填',
  optional: '选填',
  isRequired: (kind: MessageKind, field: ReaderField) => REQUIRED_FIELDS[kind].includes(field),
  hints: {
    name: `最多 ${L.name} 字。`,
    contact: (kind: MessageKind) =>
      `手机号或电子邮箱,最多 ${L.contact} 字。只用于编辑部核实情况、回复您,只有总编辑和系统管理员能看到,绝不公开。` +
      (kind === 'contact' ? '' : '不留也可以提交,但我们将无法回复您。'),
    subject: (kind: MessageKind) => (kind === 'correction' ? `可以不填,最多 ${L.subject} 字,例如“第三段的日期有误”。` : `一句话概括,最多 ${L.subject} 字。`),
    body: (kind: MessageKind) =>
      `${L.bodyMin}–${L.bodyMax} 字。只能填写文字,不支持图片和网页代码;` +
      (kind === 'correction' ? '请写明错在哪里、正确的应该是什么。' : kind === 'tip' ? '请写清时间、地点和经过。' : '请写清您的问题或建议。'),
  },
  honeypot: '网址(请留空)',
  aboutArticle: '关于文章',
  articleNotFound: '链接中的文章不存在或尚未公开,您的留言不会关联文章。您仍可以在下面提交举报。',
  charCount: (n: number, max: number) => `${n} / ${max}`,
  submit: '提交',
  submitting: '提交中…',
  privacy: '您提交的内容只发送给本站编辑部,不会在网站上公开。',
  otherForm: {
    tip: { text: '其他意见建议,请使用', link: '联系我们', href: '/contact' },
    contact: { text: '举报线索或不实信息,请使用', link: '信息举报', href: '/report' },
    correction: { text: '举报线索或不实信息,请使用', link: '信息举报', href: '/report' },
  } satisfies Record<MessageKind, { text: string; link: string; href: string }>,

  // The link on every article page
  reportErrorHint: '发现文章中有错误?',
  reportError: '挑错',
  reportErrorLabel: '挑错:告诉编辑部这篇文章中的错误',

  // After sending
  sentTitle: '提交成功,谢谢您!',
  receiptLabel: '回执号',
  keepReceipt: '请记下或截图保存这个回执号。向编辑部询问处理情况时,请提供回执号。',
  sentNext: '编辑部会尽快核实处理;如果您留了联系方式,我们可能会与您联系。',
  writeAnother: '再写一封',
  backToArticle: '返回文章',
  backHome: '返回首页',

  // Refusals
  fixFields: '请按提示修改后再提交,您填写的内容都还在。',
  fieldError: (kind: MessageKind, field: ReaderField, issue: ReaderIssue): string => {
    const label = FIELD_LABELS[kind][field];
    switch (issue) {
      case 'required':
        return field === 'contact' ? '请填写联系方式(手机号或电子邮箱),以便我们回复您' : `请填写${label}`;
      case 'too_short':
        return `${label}至少需要 ${L.bodyMin} 个字,请写得具体一些`;
      case 'contact_format':
        return '请填写手机号、电话号码或电子邮箱地址';
      case 'too_long': {
        const max = field === 'body' ? L.bodyMax : L[field];
        return `${label}不能超过 ${max} 字`;
      }
    }
  },
  tooFast: (seconds: number) => `您提交得太快了,请稍候 ${seconds} 秒再点“提交”。您填写的内容都还在。`,
  tooMany: (wait: string) => `您提交的次数太多了,请 ${wait}后再试。您填写的内容都还在。`,
  siteBusy: (wait: string) => `网站当前收到的留言太多,请 ${wait}后再试。您填写的内容都还在。`,
  expired: (seconds: number) => `页面已经失效(可能打开太久了)。您填写的内容都还在,请 ${seconds} 秒后再点一次“提交”。`,
  refused: '这次提交没有成功。请检查后再提交一次,如果仍不成功,请稍后再试。您填写的内容都还在。',
  serverError: '服务器出错了,请稍后再试。您填写的内容都还在。',
  wait: (seconds: number) => (seconds < 60 ? `${seconds} 秒` : `${Math.ceil(seconds / 60)} 分钟`),
} as const;
