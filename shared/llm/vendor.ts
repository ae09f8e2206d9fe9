/**
 * Who actually served a call, which the wire dialect does not say: "openai-chat" may be OpenAI,
 * Together, Azure or OpenRouter routing to Chutes. Named by the price table's provider for the
 * URL (one list of hosts for pricing and naming), Vertex told apart from the Gemini API, the
 * host itself otherwise, and OpenRouter's upstream `provider` field after an arrow.
 */
import { providerForUrl } from './cost';

function hostOf(url: string): string | null {
  const m = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]+)/i.exec(url);
  return m ? m[1].replace(/^[^@]*@/, '').toLowerCase() : null;
}

export function vendorOf(url: string, upstream?: string | null): string | null {
  const host = hostOf(url);
  let name: string | null;
  if (host && /(^|\.)[a-z0-9-]*aiplatform\.googleapis\.com$/.test(host)) name = 'Google Vertex AI';
  else name = (host ? providerForUrl(url)?.name : null) ?? host;
  if (upstream && name) return `${name} → ${upstream}`;
  return name ?? (upstream || null);
}
