// electron-builder afterPack hook (electron-builder.yml): ad-hoc signs the
// macOS app when no signing identity is configured.
//
// Why: Electron 44 on macOS delivers notifications through
// UNUserNotificationCenter, which silently drops them for an unsigned app
// (no 'failed' event, so Stillwell's in-app fallback never runs). An ad-hoc
// signature ("codesign --sign -") is enough for a build made and run on the
// same Mac. Releases are signed with a Developer ID and notarised instead (see
// README, "Signing"); electron-builder then signs after this hook and replaces
// the ad-hoc signature.
//
// The fuses are flipped after afterPack, which changes the binary: the
// electronFuses block sets resetAdHocDarwinSignature so the flip re-signs ad hoc
// and the signature made here stays valid.
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'

/**
 * @param {{ platform: string, env: Record<string, string | undefined>, identity: string | null | undefined }} build
 * @returns {boolean}
 */
export function shouldAdHocSign({ platform, env, identity }) {
  if (platform !== 'darwin' && platform !== 'mas') return false
  // A certificate handed to electron-builder, or an identity named in the config: it signs for real.
  if (env.CSC_LINK || env.CSC_NAME || (typeof identity === 'string' && identity !== '-')) return false
  return true
}

/** @param {import('app-builder-lib').AfterPackContext} context */
export default async function afterPack(context) {
  const identity = context.packager.platformSpecificBuildOptions?.identity
  if (!shouldAdHocSign({ platform: context.electronPlatformName, env: process.env, identity })) return
  const app = join(context.appOutDir, `${context.packager.appInfo.productFilename}.app`)
  console.log(`  • no signing identity configured: signing ${app} ad hoc so macOS delivers its notifications`)
  execFileSync('codesign', ['--sign', '-', '--force', '--deep', app], { stdio: 'inherit' })
}
