// `astro check` with TypeScript 6. Its language tools (@astrojs/language-server, @volar/kit) call the
// TypeScript JS API (ts.sys, language services), which the project's TypeScript 7 native compiler no
// longer ships. This workspace holds TypeScript 6.0.3 for them alone: every `typescript` that this process
// loads resolves to it; the project's own type-check stays `tsc` 7.
import { createRequire, registerHooks } from 'node:module';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const typescript6 = pathToFileURL(require.resolve('typescript')).href;

registerHooks({
  resolve(specifier, context, nextResolve) {
    if (specifier === 'typescript') return { url: typescript6, shortCircuit: true, format: 'commonjs' };
    return nextResolve(specifier, context);
  },
});

const { check, parseArgsAsCheckConfig } = await import('@astrojs/check');
const failed = await check(parseArgsAsCheckConfig(process.argv));
if (failed === true) process.exitCode = 1;
