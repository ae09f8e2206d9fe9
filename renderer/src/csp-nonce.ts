/**
 * The CSP refuses <style> elements without the page's nonce (main/server/csp.ts). Monaco and
 * a few other libraries create style elements at runtime and know nothing of nonces, so every
 * <style> created through document.createElement gets it before anyone can insert it: the
 * check happens on insertion, which is too early for a MutationObserver to help. Imported
 * first by main.tsx, so it runs before any such library loads.
 */
const nonce = document.querySelector<HTMLMetaElement>('meta[property="csp-nonce"]')?.nonce ?? '';

if (nonce) {
  const create = Document.prototype.createElement;
  Document.prototype.createElement = function (this: Document, tagName: string, options?: ElementCreationOptions) {
    const el = create.call(this, tagName, options);
    if (el instanceof HTMLStyleElement) el.nonce = nonce;
    return el;
  } as typeof Document.prototype.createElement;
}
