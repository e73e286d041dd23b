/** Languages and clients that the console writes its request out for. */
export type SnippetLanguage =
  'curl' | 'node-fetch' | 'node-mpns' | 'python' | 'powershell' | 'csharp'

export interface SnippetLanguageOption {
  language: SnippetLanguage
  /** Name after "Copy as" on the button. */
  label: string
}

/** The console's snippet languages, in the order of their buttons. */
export const SNIPPET_LANGUAGES: readonly SnippetLanguageOption[] = [
  { language: 'curl', label: 'curl' },
  { language: 'node-fetch', label: 'Node fetch' },
  { language: 'node-mpns', label: 'Node mpns' },
  { language: 'python', label: 'Python' },
  { language: 'powershell', label: 'PowerShell' },
  { language: 'csharp', label: 'C#' },
]
