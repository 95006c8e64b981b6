// The layer rules in eslint.config.mjs only fire when ESLint can resolve an
// import to a file. These cases lint a file placed in one layer that imports
// another (extensionless, as the code does) and expect the boundary error, so
// a lost resolver or a dropped zone fails here instead of passing in silence.
import { ESLint } from 'eslint'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'

const root = join(__dirname, '..', '..', '..')
let eslint: ESLint

beforeAll(() => {
  eslint = new ESLint({ cwd: root })
})

async function boundaryErrors(file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: join(root, file) })
  return (result?.messages ?? []).filter((m) => m.ruleId === 'import-x/no-restricted-paths').map((m) => m.message)
}

const forbidden: { file: string; source: string; says: string }[] = [
  {
    file: 'src/renderer/src/stores/fixture.ts',
    source: "import { formatDay } from '../features/planner/dates'\nexport const f = formatDay\n",
    says: 'stores hold state for features'
  },
  {
    file: 'src/main/db/fixture.ts',
    source: "import { createServices } from '../services'\nexport const f = createServices\n",
    says: 'storage sits below the services'
  },
  {
    file: 'src/main/db/fixture.ts',
    source: "import { createHarnessServer } from '../web/server'\nexport const f = createHarnessServer\n",
    says: 'storage does not know about the web harness'
  },
  {
    file: 'src/main/services/fixture.ts',
    source: "import { createHarnessServer } from '../web/server'\nexport const f = createHarnessServer\n",
    says: 'services do not know about the web harness'
  },
  {
    file: 'src/main/services/fixture.ts',
    source: "import { createHandlers } from '../ipc/handlers'\nexport const f = createHandlers\n",
    says: 'services do not know how they are called'
  },
  {
    file: 'src/main/ipc/fixture.ts',
    source: "import { createDesktopNotifier } from '../shell/notifications'\nexport const f = createDesktopNotifier\n",
    says: 'IPC handlers call services, never the shell'
  },
  {
    file: 'src/shared/domain/fixture.ts',
    source: "import { openDatabase } from '../../main/db/connection'\nexport const f = openDatabase\n",
    says: 'shared code runs on both sides'
  },
  {
    file: 'src/renderer/src/fixture.ts',
    source: "import { openDatabase } from '../../main/db/connection'\nexport const f = openDatabase\n",
    says: 'the renderer talks to the main process only through its api/ module'
  }
]

describe('layer boundaries', () => {
  it.each(forbidden)('$file importing across a boundary is an error ($says)', async ({ file, source, says }) => {
    const errors = await boundaryErrors(file, source)
    expect(errors.join('\n')).toContain(says)
  })

  it('an import the layers allow passes', async () => {
    const errors = await boundaryErrors(
      'src/main/services/fixture.ts',
      "import { openDatabase } from '../db/connection'\nimport { localDay } from '../../shared/domain/meal-plan'\nexport const f = [openDatabase, localDay]\n"
    )
    expect(errors).toEqual([])
  })
}, 60_000)
