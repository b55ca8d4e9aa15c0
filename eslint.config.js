import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import pluginVue from 'eslint-plugin-vue';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'var/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...pluginVue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'] } },
  },
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-console': 'error',
      'vue/multi-word-component-names': 'off',
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
    },
  },
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
          ],
        },
      ],
    },
  },
  {
    files: ['main/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/sim/**', 'electron'], message: 'main/ never imports the simulator or electron' }] },
      ],
    },
  },
  {
    files: ['main/domain/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['node:*', 'better-sqlite3', 'axios', 'fastify', 'pino', '**/db/**'], message: 'main/domain is pure: no I/O' }] },
      ],
    },
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
);
