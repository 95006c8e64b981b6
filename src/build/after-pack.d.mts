export function shouldAdHocSign(build: {
  platform: string
  env: Record<string, string | undefined>
  identity: string | null | undefined
}): boolean
export default function afterPack(context: unknown): Promise<void>
