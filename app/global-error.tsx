'use client';

/** Last resort when the root layout itself fails: no site data available, plain page. */
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="zh-CN">
      <body style={{ fontFamily: 'system-ui, sans-serif', textAlign: 'center', padding: '4rem 1rem' }}>
        <h1 style={{ color: '#b4141b' }}>页面出错了</h1>
        <p>服务器处理请求时出现问题,请稍后重试。</p>
        <button type="button" onClick={reset} style={{ minHeight: 44, padding: '0 1.5rem' }}>
          重试
        </button>
      </body>
    </html>
  );
}
