/**
 * Saves text the app produced (a CSV export, a shopping list) as a file the
 * user chooses where to keep. The page builds it locally: nothing is sent
 * anywhere. Electron shows its save dialog for the download; a browser saves
 * it to its downloads folder.
 */
export function downloadText(fileName: string, content: string, mime = 'text/plain'): void {
  const url = URL.createObjectURL(new Blob([content], { type: `${mime};charset=utf-8` }))
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.rel = 'noopener'
  document.body.appendChild(link)
  link.click()
  link.remove()
  // Give the browser a moment to start the download before the URL is released.
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
