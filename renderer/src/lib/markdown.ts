/**
 * Markdown for model text. Model output is untrusted: raw HTML is escaped (shown as text, never
 * parsed), links keep only http(s)/mailto targets, and images become links because the CSP
 * (img-src 'self') would block remote images and log errors.
 */
import { Marked } from 'marked';

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESC[c]);

const safeHref = (href: string) => (/^(https?:|mailto:)/i.test(href.trim()) ? href : null);

const marked = new Marked({
  gfm: true,
  breaks: false,
  async: false,
  renderer: {
    html({ text }) {
      return escapeHtml(text);
    },
    link({ href, title, tokens }) {
      const inner = this.parser.parseInline(tokens);
      const h = safeHref(href);
      if (!h) return inner;
      const t = title ? ` title="${escapeHtml(title)}"` : '';
      return `<a href="${escapeHtml(h)}"${t} target="_blank" rel="noopener noreferrer">${inner}</a>`;
    },
    image({ href, text }) {
      const h = safeHref(href);
      const label = `🖼 ${escapeHtml(text || 'image')}`;
      return h ? `<a href="${escapeHtml(h)}" target="_blank" rel="noopener noreferrer">${label}</a>` : label;
    },
  },
});

/** Renders Markdown to HTML that is safe to inject (see module comment). */
export function renderMarkdown(src: string): string {
  return marked.parse(src, { async: false }) as string;
}
