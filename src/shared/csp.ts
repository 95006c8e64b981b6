/**
 * The app's Content-Security-Policy: nothing but the app's own files, no
 * inline or eval script, no remote origin of any kind. The same text is in
 * src/renderer/index.html (a test keeps them equal) and is also sent as a
 * header by the app protocol and the web harness.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'none'",
  "media-src 'none'",
  "object-src 'none'",
  "frame-src 'none'",
  "worker-src 'none'",
  "base-uri 'none'",
  "form-action 'none'"
].join('; ')

/** Directives a browser honours only as a header, never in a meta tag. */
export const CSP_HEADER_ONLY = "frame-ancestors 'none'"
