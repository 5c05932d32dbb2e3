import { readFileSync } from 'node:fs';
import { createRequire, isBuiltin } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';
import type TwitterText from 'twitter-text';

const hostRequire = createRequire(import.meta.url);

/** What twitter-text's build asks core-js 2 for: ES2015 features Node has natively. */
const POLYFILLS = 'core-js/';

/**
 * twitter-text, loaded without the core-js 2 polyfills its build requires. Those replace the
 * RegExp constructor, Symbol, Date#toString and the regex methods of the whole process; V8 then
 * takes every regex `replace` in every module off its fast path, about ten times slower (found
 * with `npm run bench`: feed builds). Another realm (node:vm) does not help: V8 tracks those
 * changes per process. Node 20 has every feature they polyfill, so twitter-text runs on the
 * built-ins instead, its own code unchanged: each of its modules is compiled as Node would
 * (vm.compileFunction with the CommonJS wrapper's parameters), and only `core-js/...` requires
 * are answered with nothing. Its dependencies (punycode, twemoji-parser, @babel/runtime) load
 * the same way. twitter-text-lazy.test.ts checks that the built-ins stay untouched.
 */
function loadTwitterText(): typeof TwitterText {
  const modules = new Map<string, { exports: unknown }>();
  function load(file: string): unknown {
    const known = modules.get(file);
    if (known) return known.exports;
    const module = { exports: {} as unknown };
    modules.set(file, module);
    if (file.endsWith('.json')) {
      module.exports = JSON.parse(readFileSync(file, 'utf8'));
      return module.exports;
    }
    const resolve = createRequire(file);
    const require = (id: string): unknown => {
      if (id.startsWith(POLYFILLS)) return {};
      return isBuiltin(id) ? resolve(id) : load(resolve.resolve(id));
    };
    const body = vm.compileFunction(
      readFileSync(file, 'utf8'),
      ['exports', 'require', 'module', '__filename', '__dirname'],
      { filename: file },
    );
    body.call(module.exports, module.exports, require, module, file, path.dirname(file));
    return module.exports;
  }
  return load(hostRequire.resolve('twitter-text')) as typeof TwitterText;
}

/** twitter-text, loaded once per process on first use, since most processes never count a draft. */
export const twitterText = once(loadTwitterText);

function once<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => {
    made ??= { value: make() };
    return made.value;
  };
}
