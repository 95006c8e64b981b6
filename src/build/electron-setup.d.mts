export interface SetupInput {
  env: Record<string, string | undefined>
  electronVersion: string
  /** Whether Electron's binary is where Electron looks for it. */
  binary: { present(): boolean }
  /** Fetches the binary (Electron's own installer); rejects with the reason when it cannot. */
  fetchBinary(): Promise<void>
  /** Whether the Electron build of better-sqlite3 exists and matches the installed versions. */
  native: { current(): boolean }
  buildNative(): Promise<void>
  /** `npm test`: never fetch; report "skipped" when no binary is installed. */
  onlyIfPresent?: boolean
  log?(line: string): void
}

export type SetupResult =
  { status: 'ready'; fetched: boolean; built: boolean } | { status: 'skipped'; reason: string } | { status: 'failed'; message: string }

export function retryCommand(lifecycleEvent: string | undefined): string
export function oneLine(error: unknown): string
export function firstErrorLine(output: string): string | null
export function prepareElectron(input: SetupInput): Promise<SetupResult>
