import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { app, dialog, type BrowserWindow } from 'electron'
import type { PdfSaver } from '../services/report'

/** Countries that use US Letter paper; everyone else gets A4. */
const LETTER_COUNTRIES = new Set(['US', 'CA', 'MX', 'PH', 'CL', 'CO', 'VE', 'GT', 'CR', 'PA', 'DO', 'PR'])

function paperSize(): 'A4' | 'Letter' {
  return LETTER_COUNTRIES.has(app.getLocaleCountryCode()) ? 'Letter' : 'A4'
}

/**
 * Saves the window's current page (the report, laid out by its print
 * stylesheet) as a PDF, wherever the user picks in a save dialog.
 */
export function createPdfSaver(window: () => BrowserWindow | null, defaultDir: () => string): PdfSaver {
  return {
    async save(fileName) {
      const target = window()
      if (!target) return { saved: false, path: null, message: 'The report window is not open.' }
      const choice = await dialog.showSaveDialog(target, {
        title: 'Save the report as PDF',
        defaultPath: join(defaultDir(), fileName),
        filters: [{ name: 'PDF', extensions: ['pdf'] }]
      })
      if (choice.canceled || !choice.filePath) return { saved: false, path: null, message: 'Not saved.' }
      const pdf = await target.webContents.printToPDF({ printBackground: false, pageSize: paperSize() })
      await writeFile(choice.filePath, pdf)
      return { saved: true, path: choice.filePath, message: `Saved to ${choice.filePath}.` }
    }
  }
}
