/** The page a toast tap opens and the query pairs passed to it. */
export interface NavigationTarget {
  page: string
  query: Array<[string, string]>
}

/** Maximum Param length in characters. A tap on a toast with a longer Param opens the main page. */
// NOTE: a Windows Phone 7.1 sender library enforces this limit, but no MPNS or phone documentation confirms it.
export const MAX_PARAM_LENGTH = 256

/**
 * Converts a toast Param into the page and query a tap navigates to.
 * `?k=v` keeps the default page. A Param that starts with neither "/" nor "?", or is longer
 * than MAX_PARAM_LENGTH, opens the default page.
 */
export function toNavigationTarget(
  param: string | undefined,
  defaultPage: string,
): NavigationTarget {
  if (param === undefined || !isNavigableParam(param)) {
    return { page: defaultPage, query: [] }
  }

  const queryStart = param.indexOf('?')
  if (queryStart === -1) {
    return { page: param, query: [] }
  }

  const page = queryStart === 0 ? defaultPage : param.slice(0, queryStart)
  return { page, query: parseQuery(param.slice(queryStart + 1)) }
}

function isNavigableParam(param: string): boolean {
  const hasStart = param.startsWith('/') || param.startsWith('?')
  return hasStart && param.length <= MAX_PARAM_LENGTH
}

function parseQuery(query: string): Array<[string, string]> {
  const pairs: Array<[string, string]> = []

  for (const segment of query.split('&')) {
    if (segment === '') {
      continue
    }
    const separator = segment.indexOf('=')
    const key = separator === -1 ? segment : segment.slice(0, separator)
    const value = separator === -1 ? '' : segment.slice(separator + 1)
    pairs.push([decodeQueryComponent(key), decodeQueryComponent(value)])
  }

  return pairs
}

/** Percent-decodes a query component. A "+" stays "+" because a Param is a URI, not form data. */
function decodeQueryComponent(component: string): string {
  try {
    return decodeURIComponent(component)
  } catch {
    // A malformed escape such as "%zz" reaches the app as written.
    return component
  }
}
