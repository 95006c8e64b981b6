import { describe, expect, it } from 'vitest'
import { shouldAdHocSign } from '../../../src/build/after-pack.mjs'

describe('ad-hoc signing after packing', () => {
  it('signs a macOS build ad hoc when no identity is configured, so notifications are delivered', () => {
    expect(shouldAdHocSign({ platform: 'darwin', env: {}, identity: undefined })).toBe(true)
    expect(shouldAdHocSign({ platform: 'darwin', env: {}, identity: null })).toBe(true)
    expect(shouldAdHocSign({ platform: 'darwin', env: {}, identity: '-' })).toBe(true)
  })

  it('leaves it to electron-builder when a Developer ID is configured', () => {
    expect(shouldAdHocSign({ platform: 'darwin', env: { CSC_LINK: '/secure/cert.p12' }, identity: undefined })).toBe(false)
    expect(shouldAdHocSign({ platform: 'darwin', env: { CSC_NAME: 'Developer ID Application: X' }, identity: undefined })).toBe(false)
    expect(shouldAdHocSign({ platform: 'darwin', env: {}, identity: 'Developer ID Application: Stillwell (ABCDE12345)' })).toBe(false)
  })

  it('does nothing for Linux and Windows builds', () => {
    expect(shouldAdHocSign({ platform: 'linux', env: {}, identity: undefined })).toBe(false)
    expect(shouldAdHocSign({ platform: 'win32', env: {}, identity: undefined })).toBe(false)
  })
})
