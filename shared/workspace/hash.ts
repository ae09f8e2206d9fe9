/**
 * A fast non-cryptographic 53-bit hash (cyrb53) over bytes and strings. Used for
 * per-interaction fingerprints, which only need to tell "same content" from "edited" between
 * two versions of one file; collisions cost at most a missed highlight, never data.
 * Pure TS because shared/ cannot use node:crypto.
 */
export class Hasher {
  private h1 = 0xdeadbeef;
  private h2 = 0x41c6ce57;

  bytes(b: Uint8Array): this {
    return this.feedBytes(b).sep();
  }

  string(s: string): this {
    return this.feedString(s).sep();
  }

  /** Without a separator: feeding "ab" then "c" equals feeding "abc" (and bytes equal char codes). */
  feedBytes(b: Uint8Array): this {
    let h1 = this.h1;
    let h2 = this.h2;
    for (let i = 0; i < b.length; i++) {
      const c = b[i];
      h1 = Math.imul(h1 ^ c, 2654435761);
      h2 = Math.imul(h2 ^ c, 1597334677);
    }
    this.h1 = h1;
    this.h2 = h2;
    return this;
  }

  feedString(s: string): this {
    let h1 = this.h1;
    let h2 = this.h2;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 2654435761);
      h2 = Math.imul(h2 ^ c, 1597334677);
    }
    this.h1 = h1;
    this.h2 = h2;
    return this;
  }

  number(n: number | null): this {
    return this.string(n === null ? '∅' : String(n));
  }

  /** Field separator, so ("ab","c") and ("a","bc") hash differently. */
  private sep(): this {
    this.h1 = Math.imul(this.h1 ^ 0x1f, 2654435761);
    this.h2 = Math.imul(this.h2 ^ 0x1f, 1597334677);
    return this;
  }

  digest(): string {
    let h1 = this.h1;
    let h2 = this.h2;
    h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
    h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
    h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
    h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
    const n = 4294967296 * (2097151 & h2) + (h1 >>> 0);
    return n.toString(16).padStart(14, '0');
  }
}

/**
 * What fingerprinting needs from a hash; the Node side passes a native one (zlib CRC-32).
 * Updates stream: the digest of parts is the digest of their concatenation, so a body hashed in
 * pieces (a lazy literal's lines) equals the same body hashed whole.
 */
export interface Digest {
  update(part: string | Uint8Array): void;
  digest(): string;
}

/** The pure-TS digest, for runtimes without node:crypto. */
export function pureDigest(): Digest {
  const h = new Hasher();
  return {
    update: (part) => void (typeof part === 'string' ? h.feedString(part) : h.feedBytes(part)),
    digest: () => h.digest(),
  };
}
