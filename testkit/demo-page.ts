/** The project's own demo news page: an article laid out as a typical Arabic news site would. */
import type { Article } from '../src/article/schema';

/** Text made safe for HTML content and attribute values. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

export function demoPage(article: Article): string {
  const paragraphs = article.paragraphs.map((paragraph) => `      <p>${escapeHtml(paragraph)}</p>`).join('\n');
  return `<!doctype html>
<html lang="${escapeHtml(article.lang)}" dir="rtl">
<head>
  <meta charset="utf-8">
  <title>${escapeHtml(article.title.ar)}</title>
  <style>
    body { margin: 0; font: 18px/1.8 "Noto Naskh Arabic", "DejaVu Sans", serif; color: #1d1d1d; background: #fafafa; }
    header { background: #7a0c0c; color: #fff; padding: 12px 24px; font: bold 22px sans-serif; }
    nav { background: #eee; padding: 8px 24px; font: 14px sans-serif; }
    main { display: flex; gap: 32px; max-width: 1100px; margin: 24px auto; padding: 0 24px; }
    article { flex: 3; background: #fff; padding: 24px 32px; }
    aside { flex: 1; font: 14px/1.6 sans-serif; }
    h1 { font-size: 28px; line-height: 1.4; }
    time { color: #666; font: 14px sans-serif; }
  </style>
</head>
<body>
  <header>أخبار العالم · صفحة تجريبية</header>
  <nav>الرئيسية · سياسة · اقتصاد · رياضة</nav>
  <main>
    <article>
      <h1>${escapeHtml(article.title.ar)}</h1>
      <time datetime="${escapeHtml(article.date)}">${escapeHtml(article.date)}</time>
${paragraphs}
    </article>
    <aside>
      <h2>الأكثر قراءة</h2>
      <ul><li>أسعار النفط تتراجع في التعاملات الآسيوية</li><li>قمة إقليمية لبحث التعاون الاقتصادي</li></ul>
    </aside>
  </main>
</body>
</html>
`;
}
