const BLOB_URL_LIFETIME_MS = 60_000

/** Saves text as a file through a temporary link, which the browser treats as a download. */
export function downloadTextFile(options: {
  fileName: string
  mimeType: string
  text: string
}): void {
  const url = URL.createObjectURL(new Blob([options.text], { type: options.mimeType }))
  const link = document.createElement('a')
  link.href = url
  link.download = options.fileName
  link.hidden = true
  document.body.append(link)
  link.click()
  link.remove()
  // NOTE: some browsers read the blob after click() returns, so the URL stays valid for a
  // margin of BLOB_URL_LIFETIME_MS; the margin is a guess, not a measured bound.
  setTimeout(() => URL.revokeObjectURL(url), BLOB_URL_LIFETIME_MS)
}
