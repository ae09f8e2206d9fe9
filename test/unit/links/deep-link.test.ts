import { describe, expect, it } from 'vitest';
import { formatAppLink, formatHashLink, parseAppLink, parseHashLink, type DeepLink } from '../../../shared/links/deep-link';

const link: DeepLink = { folder: '/home/ana/my cassettes', file: 'fixtures/TestStream #2.yaml', interaction: 1, event: 25 };

describe('deep links', () => {
  it('round-trips through the hash route and the tapedeck:// link, odd characters included', () => {
    expect(formatHashLink(link)).toMatch(/^#\/open\?folder=%2Fhome%2Fana%2Fmy%20cassettes&file=fixtures%2FTestStream%20%232\.yaml&i=1&e=25$/);
    expect(parseHashLink(formatHashLink(link))).toEqual(link);
    expect(parseAppLink(formatAppLink(link))).toEqual(link);
    const noEvent = { ...link, event: null, folder: 'C:\\Users\\ana\\vcr' };
    expect(parseAppLink(formatAppLink(noEvent))).toEqual(noEvent);
    // Launchers on some platforms add a slash before the query.
    expect(parseAppLink(formatAppLink(link).replace('open?', 'open/?'))).toEqual(link);
  });

  it('refuses anything that is not a plain link to a file inside a folder', () => {
    const q = (s: string) => parseAppLink(`tapedeck://open?${s}`);
    expect(q('folder=%2Ftmp&file=a.yaml&i=0')).not.toBeNull();
    expect(q('folder=relative&file=a.yaml')).toBeNull();
    expect(q('folder=%2Ftmp&file=..%2F..%2Fetc%2Fpasswd')).toBeNull();
    expect(q('folder=%2Ftmp&file=%2Fetc%2Fpasswd')).toBeNull();
    expect(q('folder=%2Ftmp&file=a%5C..%5Cb')).toBeNull();
    expect(q('folder=%2Ftmp&file=a%00b')).toBeNull();
    expect(q('folder=%2Ftmp&file=a.yaml&i=-1')).toBeNull();
    expect(q('folder=%2Ftmp&file=a.yaml&e=0')).toBeNull();
    expect(q('folder=%2Ftmp&file=a.yaml&e=1e3')).toBeNull();
    expect(q('folder=%2Ftmp')).toBeNull();
    expect(parseAppLink('tapedeck://evil?folder=%2Ftmp&file=a.yaml')).toBeNull();
    expect(parseAppLink('https://open?folder=%2Ftmp&file=a.yaml')).toBeNull();
    expect(parseAppLink(`tapedeck://open?folder=%2Ftmp&file=${'a'.repeat(5000)}`)).toBeNull();
    expect(parseHashLink('#/other?folder=%2Ftmp&file=a.yaml')).toBeNull();
    expect(parseHashLink('')).toBeNull();
    expect(q('folder=%2Ftmp&file=a.yaml&file=b.yaml')).toBeNull();
    expect(q('folder=%2Ftmp&file=%E0%A4%A')).toBeNull();
  });
});
