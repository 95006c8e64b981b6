import { AppError } from '../../shared/contract'
import { httpsHref, isSafeExternalUrl } from '../../shared/domain/articles'
import type { ExternalLinks } from './ports'

export interface LinkService {
  /** Opens an https link in the system browser. The page has already asked the user. */
  openExternal(url: string): Promise<{ opened: boolean }>
}

export function createLinkService(port: ExternalLinks | undefined): LinkService {
  return {
    async openExternal(url) {
      // The contract checked this already; checked again here because this is the last step before the link leaves the app.
      if (!isSafeExternalUrl(url))
        throw new AppError('invalid-input', 'Only secure web links (https://) can be opened.', { url: 'Not an https link.' })
      if (!port) throw new AppError('unavailable', 'Links cannot be opened from here. Copy the address into your browser instead.')
      // The normalised href, which the check above has shown to be the very string that was asked for.
      return { opened: await port.open(httpsHref(url) ?? '') }
    }
  }
}
