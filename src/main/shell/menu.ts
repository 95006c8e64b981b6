import { app, Menu, type MenuItemConstructorOptions } from 'electron'

export interface MenuActions {
  navigate(route: string): void
  quit(): void
}

/** The native menu: the usual edit and window roles plus keyboard shortcuts to every section. */
export function buildAppMenu(actions: MenuActions, devTools: boolean): Menu {
  const go = (label: string, route: string, accelerator: string): MenuItemConstructorOptions => ({
    label,
    accelerator,
    click: () => actions.navigate(route)
  })
  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
        { role: 'close', label: 'Close Window' },
        { type: 'separator' },
        { label: 'Quit Stillwell', accelerator: 'CmdOrCtrl+Q', click: actions.quit }
      ]
    },
    { role: 'editMenu' },
    {
      label: '&Go',
      submenu: [
        go('Today', '/today', 'CmdOrCtrl+1'),
        go('Journal', '/journal', 'CmdOrCtrl+2'),
        go('Insights', '/insights', 'CmdOrCtrl+3'),
        go('Planner', '/planner', 'CmdOrCtrl+4'),
        go('Reader', '/reader', 'CmdOrCtrl+5'),
        { type: 'separator' },
        go('Wind-down Routine', '/wind-down', 'CmdOrCtrl+6'),
        { type: 'separator' },
        go('Settings', '/settings', 'CmdOrCtrl+,')
      ]
    },
    {
      label: '&View',
      submenu: [
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(devTools ? [{ type: 'separator' as const }, { role: 'reload' as const }, { role: 'toggleDevTools' as const }] : [])
      ]
    },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [{ label: `About ${app.getName()}`, click: () => actions.navigate('/settings/about') }]
    }
  ]
  return Menu.buildFromTemplate(template)
}
