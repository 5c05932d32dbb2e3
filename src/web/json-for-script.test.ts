import { describe, expect, it } from 'vitest';
import { jsonForScript } from './json-for-script.js';

describe('jsonForScript', () => {
  it('leaves nothing that could end a script element and still parses to the same value', () => {
    const value = { name: '</script><script>alert(1)</script> <!-- & \u2028\u2029 "q"' };
    const text = jsonForScript(value);
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(text)).toEqual(value);
  });
});
