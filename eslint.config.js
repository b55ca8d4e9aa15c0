import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import pluginVue from 'eslint-plugin-vue';
import globals from 'globals';

// Folders of the Node project (tsconfig.node.json) and of the web project (tsconfig.web.json). Tests and benchmarks
// that drive Chromium (tsconfig.dom-tests.json) run in Node but hand callbacks to the page: they get both.
const nodeFolders = [
  'main/**',
  'electron/**',
  'sim/**',
  'scripts/**',
  'bench/**',
  'build/**',
  'test/**',
  '*.{js,ts}',
  'renderer/vite.config.ts',
];
const pageCode = ['test/e2e/**', 'bench/payment.bench.ts', 'bench/startup.bench.ts', 'bench/baseline/**'];

// Who may import what (design/architecture.md, "Rules of the house"). ESLint keeps only the last options of a rule
// for a file, so each folder below lists every ban that applies to it, not just its own.
const ban = {
  axios: { regex: '^axios(/|$)', message: 'axios only in main/central/ and main/payments/credibanco/' },
  printer: { regex: '^node-thermal-printer(/|$)', message: 'node-thermal-printer only in main/printing/' },
  electron: { regex: '^electron(/|$)', message: 'electron only in electron/' },
  sim: { group: ['**/sim/**'], message: 'main/ never imports the simulator' },
  io: { group: ['node:*', 'better-sqlite3', 'fastify', 'pino', '**/db/**'], message: 'main/domain is pure: no I/O' },
};
const restrictImports = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

const deferredTransaction = {
  selector: "CallExpression[callee.property.name='transaction'][callee.object.name='db']",
  message: 'begin it IMMEDIATE: writeTransaction(db, fn) from main/db/transaction.ts',
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'var/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...pluginVue.configs['flat/recommended'],
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname, extraFileExtensions: ['.vue'] },
    },
  },
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'] } },
  },
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      // A promise nobody awaits loses its rejection; `void` marks the few that are fire-and-forget on purpose.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      // A new state, kind or role must be handled wherever its union is switched on.
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      'no-console': 'error',
      // Prettier wraps code at 140 columns (npm run format, checked by npm test) but never a comment: this rule
      // holds comments to the same width. Long strings (screen texts, SQL) stay whole, so they can be searched.
      'max-len': [
        'error',
        {
          code: 140,
          ignoreStrings: true,
          ignoreTemplateLiterals: true,
          ignoreRegExpLiterals: true,
          ignoreUrls: true,
          ignorePattern: String.raw`^(?!\s*(//|/?\*)).*$`,
        },
      ],
      'vue/multi-word-component-names': 'off',
      // Prettier lays out templates (npm run format): eslint-plugin-vue's layout rules would fight it.
      ...Object.fromEntries(
        [
          'max-attributes-per-line',
          'singleline-html-element-content-newline',
          'multiline-html-element-content-newline',
          'html-self-closing',
          'html-indent',
          'html-closing-bracket-newline',
          'html-closing-bracket-spacing',
          'first-attribute-linebreak',
          'html-quotes',
          'mustache-interpolation-spacing',
          'no-multi-spaces',
          'no-spaces-around-equal-signs-in-attribute',
        ].map((rule) => [`vue/${rule}`, 'off']),
      ),
    },
  },
  // Type information for a .vue file costs a program update per file (about half of the whole lint's time for 29
  // files), so the type-aware rules check .ts files only: keep the renderer's logic in stores and composables (.ts).
  { files: ['**/*.js', '**/*.mjs', '**/*.vue'], ...tseslint.configs.disableTypeChecked },
  { files: nodeFolders, languageOptions: { globals: globals.node } },
  { files: ['renderer/**'], ignores: ['renderer/vite.config.ts'], languageOptions: { globals: globals.browser } },
  { files: pageCode, languageOptions: { globals: { ...globals.node, ...globals.browser } } },
  {
    // The house rules of design/architecture.md, enforced where a linter can.
    files: ['renderer/**'],
    ignores: ['renderer/vite.config.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/main/**', '!**/main/api/contract', '!**/main/api/errors', '!**/main/domain', '!**/main/domain/**'],
              message: 'the renderer imports only contract types and the pure rules of main/domain/ from main/',
              allowTypeImports: false,
            },
            { group: ['**/main/api/contract', '**/main/api/errors'], message: 'only types from the contract', allowTypeImports: true },
            { group: ['node:*', 'electron', 'better-sqlite3', 'axios'], message: 'the renderer has no Node and no Electron' },
            {
              group: ['zod', '**/main/domain/*-schema'],
              message: 'the renderer ships no zod: import the pure module of main/domain/, not its *-schema.ts',
              allowTypeImports: true,
            },
          ],
        },
      ],
    },
  },
  { rules: restrictImports(ban.axios, ban.printer, ban.electron) },
  { files: ['main/**'], rules: restrictImports(ban.axios, ban.printer, ban.electron, ban.sim) },
  { files: ['main/central/**', 'main/payments/credibanco/**'], rules: restrictImports(ban.printer, ban.electron, ban.sim) },
  { files: ['main/printing/**'], rules: restrictImports(ban.axios, ban.electron, ban.sim) },
  { files: ['main/domain/**'], rules: restrictImports(ban.axios, ban.printer, ban.electron, ban.sim, ban.io) },
  {
    // The renderer imports main/domain/: a zod schema there would ship zod to every screen that uses the rule.
    files: ['main/domain/**'],
    ignores: ['main/domain/*-schema.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['zod', './*-schema'],
              message: 'main/domain/ is zod-free (the renderer imports it): a schema goes in a *-schema.ts beside its rule',
              allowTypeImports: true,
            },
          ],
        },
      ],
    },
  },
  { files: ['electron/**'], rules: restrictImports(ban.axios, ban.printer) },
  {
    // Deferred transactions fail at once when the other connection (the sync writer thread) commits between
    // their first read and their first write; main/db/transaction.ts says why and begins them IMMEDIATE.
    files: ['main/db/**'],
    ignores: ['main/db/transaction.ts'],
    rules: { 'no-restricted-syntax': ['error', deferredTransaction] },
  },
  {
    files: ['main/**', 'sim/**', 'test/**', 'bench/**', 'scripts/**', 'electron/**', 'build/**'],
    ignores: ['main/db/**', 'test/**/db/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "ImportDeclaration[source.value='better-sqlite3']:not([importKind='type'])", message: 'only main/db opens SQLite' },
      ],
    },
  },
  {
    files: ['main/**'],
    ignores: ['main/db/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        deferredTransaction,
        { selector: "ImportDeclaration[source.value='better-sqlite3']:not([importKind='type'])", message: 'only main/db opens SQLite' },
      ],
    },
  },
);
