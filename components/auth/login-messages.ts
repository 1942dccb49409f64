// Chinese text of the login screen, and the two small rules it needs.

export const lm = {
  title: '编辑部登录',
  intro: '驻村工作队队员与编辑部人员在此登录。',
  username: '用户名或手机号',
  password: '密码',
  submit: '登录',
  submitting: '正在登录…',
  signedOut: '您已退出登录。',
  signedOutAll: '已退出所有设备上的登录。',
  expired: '登录已失效,请重新登录。',
  backHome: '返回网站首页',
  help: '忘记密码请联系编辑部管理员重置。',
};

/** The message for an Auth.js error code (our codes: credentials, disabled, locked_<seconds>). */
export function loginMessage(code: string | undefined): string {
  if (code === 'missing') return '请填写用户名(或手机号)和密码。';
  if (code === 'disabled') return '该账号已停用,请联系编辑部管理员。';
  const locked = /^locked_(\d+)$/.exec(code ?? '');
  if (locked) {
    const seconds = Number(locked[1]);
    const wait = seconds >= 60 ? `${Math.ceil(seconds / 60)} 分钟` : `${seconds} 秒`;
    return `登录失败次数过多,账号已暂时锁定,请 ${wait}后再试。`;
  }
  return '用户名或密码不正确。';
}

/** Only same-site paths: a login link must not send people to another site. */
export function safeCallbackUrl(raw: string | null | undefined): string {
  let url = (raw ?? '').trim();
  // The proxy sends an absolute URL: keep only its path, so the host can never change.
  if (/^https?:\/\//i.test(url)) {
    try {
      const u = new URL(url);
      url = u.pathname + u.search + u.hash;
    } catch {
      return '/dashboard';
    }
  }
  if (!url.startsWith('/') || url.startsWith('//') || url.startsWith('/\\')) return '/dashboard';
  if (/[\u0000-\u001f]/.test(url)) return '/dashboard';
  return url;
}
