import { describe, expect, it } from 'vitest';
import { callNames, eventNames } from '../../../shared/api/contract';

describe('contract', () => {
  it('names calls and events', () => {
    expect(callNames).toContain('readCassette');
    expect(eventNames).toContain('indexChanged');
  });
});
