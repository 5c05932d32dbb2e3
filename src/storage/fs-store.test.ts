import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openFs, text } from '../../tests/helpers/blob-store-harness.js';

// What only the fs driver does; blob-store.contract.test.ts holds what every driver shares.
describe('fs driver housekeeping', () => {
  it('removes emptied folders on delete but never the root', async () => {
    const h = await openFs();
    try {
      await h.store.put('episodes/e1/originals/x.wav', text('wav'));
      await h.store.delete('episodes/e1/originals/x.wav');
      expect(existsSync(path.join(h.root!, 'episodes'))).toBe(false);
      expect(existsSync(h.root!)).toBe(true);
    } finally {
      await h.close();
    }
  });
});
