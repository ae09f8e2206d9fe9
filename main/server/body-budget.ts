/**
 * Request bodies are held in memory until parsed, so a per-request cap alone lets a handful of
 * concurrent uploads (each just under it) take gigabytes. The budget caps their sum: a request
 * reserves its declared Content-Length up front (refused at once when it would not fit) and a
 * chunked one reserves as its bytes arrive.
 */
import type { IncomingMessage } from 'node:http';

export const MAX_BODY = 256 * 1024 * 1024;
export const MAX_TOTAL_BODIES = 512 * 1024 * 1024;

export class BodyRefused extends Error {
  constructor(
    readonly status: 413 | 503,
    message: string,
  ) {
    super(message);
  }
}

const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;

export class BodyBudget {
  private inUse = 0;

  constructor(
    readonly perRequest = MAX_BODY,
    readonly total = MAX_TOTAL_BODIES,
  ) {}

  private reserve(n: number): void {
    if (this.inUse + n > this.total) {
      throw new BodyRefused(503, `Server busy: request bodies in flight would exceed ${mb(this.total)} in total; retry when the others are done.`);
    }
    this.inUse += n;
  }

  /** The body as text, within both caps; throws BodyRefused (413 one too big, 503 all too big). */
  async read(req: IncomingMessage): Promise<string> {
    const tooBig = () => new BodyRefused(413, `Request body too large: over ${mb(this.perRequest)}.`);
    const declared = Number(req.headers['content-length'] ?? NaN);
    if (declared > this.perRequest) throw tooBig();
    let reserved = 0;
    const take = (n: number) => {
      this.reserve(n);
      reserved += n;
    };
    try {
      if (Number.isFinite(declared) && declared > 0) take(declared);
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of req) {
        size += (chunk as Buffer).length;
        if (size > this.perRequest) throw tooBig();
        if (size > reserved) take(size - reserved);
        chunks.push(chunk as Buffer);
      }
      return Buffer.concat(chunks).toString('utf8');
    } finally {
      this.inUse -= reserved;
    }
  }
}
