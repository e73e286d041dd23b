import { runInNewContext } from 'node:vm'

import { describe, expect, it } from 'vitest'

import { quoteCSharp, quotePowerShell, quoteShell, quoteSingleQuoted } from './string-literals'

describe('string literals', () => {
  it.each([
    ['plain text', 'Tromsø −4 °C', "'Tromsø −4 °C'"],
    ['a single quote', "Don't", "'Don'\\''t'"],
    ['a line break, dollar and backtick', 'a\n$HOME `date`', "'a\n$HOME `date`'"],
  ])('quoteShell keeps %s literal', (_name, text, expected) => {
    expect(quoteShell(text)).toBe(expected)
  })

  it.each([
    ['non-ASCII text', 'Tromsø “x”', "'Tromsø “x”'"],
    ['quotes and a backslash', 'It\'s "C:\\temp"', "'It\\'s \"C:\\\\temp\"'"],
    ['line breaks and a tab', 'a\r\nb\tc', "'a\\r\\nb\\tc'"],
    [
      'controls and separators',
      '\u0000\u001b\u0085\u2028\ufeff',
      "'\\u0000\\u001B\\u0085\\u2028\\uFEFF'",
    ],
  ])('quoteSingleQuoted escapes %s', (_name, text, expected) => {
    expect(quoteSingleQuoted(text)).toBe(expected)
  })

  it.each([
    'Tromsø',
    'It\'s "quoted" \\ `tick` ${x}',
    'a\r\nb\tc\u0000\u2029',
    '😀 surrogate pair',
  ])('quoteSingleQuoted reads back as %j in JavaScript', (text) => {
    expect(runInNewContext(quoteSingleQuoted(text))).toBe(text)
  })

  it.each([
    ['a double quote and a backslash', 'say "hi" \\', '"say \\"hi\\" \\\\"'],
    ['a single quote, kept literal', "Don't", '"Don\'t"'],
    ['NUL and line breaks', '\u0000\r\n', '"\\0\\r\\n"'],
    ['a control character', '\u0007', '"\\u0007"'],
  ])('quoteCSharp escapes %s', (_name, text, expected) => {
    expect(quoteCSharp(text)).toBe(expected)
  })

  it.each([
    ['plain text single-quoted', 'Tromsø $HOME `date`', "'Tromsø $HOME `date`'"],
    ['quotes doubled, typographic ones too', "Don't it’s ‘x’", "'Don''t it’’s ‘‘x’’'"],
    ['a carriage return, double-quoted', 'a\r', '"a`r"'],
    [
      'specials escaped once double-quoted',
      '$x `y` "z" „q” \t\u0000',
      '"`$x ``y`` `"z`" `„q`” `t`0"',
    ],
    ['other controls as [char]', '\u0007\u2028', '"$([char]0x0007)$([char]0x2028)"'],
  ])('quotePowerShell writes %s', (_name, text, expected) => {
    expect(quotePowerShell(text)).toBe(expected)
  })
})
