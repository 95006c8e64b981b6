import type { AppInfo, StartupNotice } from '../../shared/contract'

export interface AppInfoService {
  info(): AppInfo
  dismissNotice(id: string): null
}

export function createAppInfoService(base: Omit<AppInfo, 'notices'>, notices: StartupNotice[]): AppInfoService {
  let pending = [...notices]
  return {
    info: () => ({ ...base, notices: pending }),
    dismissNotice(id) {
      pending = pending.filter((n) => n.id !== id)
      return null
    }
  }
}
