// Lint rules, including the layer boundaries of the architecture:
//   shared ← db ← services ← ipc ← index (main);  renderer → shared only;  preload → shared/contract only.
// The TypeScript resolver lets import-x resolve extensionless imports; without it every zone below is
// silently skipped. tests/unit/lint/boundaries.test.ts lints forbidden imports and expects these errors.
import js from '@eslint/js'
import prettier from 'eslint-config-prettier'
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript'
import importX from 'eslint-plugin-import-x'
import vue from 'eslint-plugin-vue'
import globals from 'globals'
import tseslint from 'typescript-eslint'

const zone = (target, from, message) => ({ target, from, message })

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', '.native/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...vue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser } }
  },
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2023, sourceType: 'module' },
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ alwaysTryTypes: true, project: './tsconfig.json' })]
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'vue/multi-word-component-names': 'error',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            zone('./src/shared', './src/main', 'shared code runs on both sides: it cannot reach into the main process.'),
            zone('./src/shared', './src/renderer', 'shared code cannot depend on the renderer.'),
            zone('./src/shared', './src/preload', 'shared code cannot depend on the preload.'),
            zone('./src/renderer', './src/main', 'the renderer talks to the main process only through its api/ module.'),
            zone('./src/renderer', './src/preload', 'the renderer reads window.stillwell only through its api/ module.'),
            zone('./src/preload', './src/main', 'the preload knows only the contract.'),
            zone('./src/preload', './src/renderer', 'the preload knows only the contract.'),
            zone('./src/main/db', './src/main/services', 'storage sits below the services.'),
            zone('./src/main/db', './src/main/ipc', 'storage sits below IPC.'),
            zone('./src/main/db', './src/main/shell', 'storage does not know about the shell.'),
            zone('./src/main/db', './src/main/windows', 'storage does not know about windows.'),
            zone('./src/main/db', './src/main/web', 'storage does not know about the web harness.'),
            zone('./src/main/ipc', './src/main/shell', 'IPC handlers call services, never the shell.'),
            zone('./src/main/ipc', './src/main/web', 'IPC handlers do not know about the web harness.'),
            zone('./src/main/services', './src/main/ipc', 'services do not know how they are called.'),
            zone('./src/main/services', './src/main/windows', 'services do not know about windows.'),
            zone('./src/main/services', './src/main/shell', 'services do not know about the shell.'),
            zone('./src/main/services', './src/main/web', 'services do not know about the web harness.'),
            zone('./src/main/web', './src/main/windows', 'the web harness must not load Electron code.'),
            zone('./src/main/web', './src/main/shell', 'the web harness must not load Electron code.'),
            zone(
              './src/renderer/src/stores',
              './src/renderer/src/features',
              'stores hold state for features; features use stores, not the reverse.'
            ),
            ...[
              './src/main/index.ts',
              './src/main/db',
              './src/main/ipc',
              './src/main/services',
              './src/main/shell',
              './src/main/windows',
              './src/renderer',
              './src/preload',
              './src/shared'
            ].map((target) =>
              zone(target, './src/main/web', 'only the web harness itself may load the harness (it is a test tool, never part of the app).')
            )
          ]
        }
      ]
    }
  },
  {
    // Services, storage, the harness and shared code run in plain Node (tests, harness): no Electron.
    files: [
      'src/shared/**',
      'src/main/db/**',
      'src/main/services/**',
      'src/main/web/**',
      'src/main/ipc/handle.ts',
      'src/main/ipc/handlers/**'
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'Keep Electron in the shell (src/main/index.ts, windows/, shell/, ipc/electron-binding.ts).' }
          ]
        }
      ]
    }
  },
  {
    files: ['src/renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*', 'electron'], message: 'The renderer is a sandboxed web page: no Node, no Electron.' },
            {
              regex: '(^|/)shared/contract(/.*)?$',
              allowTypeImports: true,
              message: 'Import only types from the contract, so validator code stays out of the page.'
            }
          ]
        }
      ],
      'no-restricted-globals': ['error', { name: 'process', message: 'There is no Node in the renderer.' }]
    }
  },
  {
    files: ['src/preload/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^|/)shared/contract(/.*)?$',
              allowTypeImports: true,
              message: 'The preload imports the contract as types only (channel names are written in at build time).'
            }
          ]
        }
      ]
    }
  },
  {
    files: ['tests/**', 'bench/**', 'src/build/**', '*.config.*'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' }
  },
  prettier
)
