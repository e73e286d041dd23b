import { expect, test } from './fixtures'

const TOAST_WITH_BLANK_LINE = [
  '<wp:Notification xmlns:wp="WPNotification">',
  '  <wp:Toast>',
  '    <wp:Text1>Hi</wp:Text1>',
  '    ',
  '  </wp:Toast>',
  '</wp:Notification>',
].join('\n')

/** Line 3 with its end tag misspelled. The end tag starts at column 17. */
const TOAST_WITH_BROKEN_TAG = TOAST_WITH_BLANK_LINE.replace('</wp:Text1>', '</wp:Text2>')

const XML_LIMIT_BYTES = 3072
const RAW_LIMIT_BYTES = 1024

function formatBytes(bytes: number, limit: number): string {
  return `${bytes.toLocaleString('en-US')} of ${limit.toLocaleString('en-US')} bytes`
}

function countBytes(text: string): number {
  return new TextEncoder().encode(text).length
}

test('the payload editor completes, checks and counts a toast', async ({ devConsole, page }) => {
  await test.step('the code editor replaces the plain one', async () => {
    await expect(page.getByText('Ctrl+Space lists the elements')).toBeVisible()
    await devConsole.notificationType.selectOption('toast')
  })

  await test.step('filling a toast updates the byte count', async () => {
    await devConsole.payload.fill(TOAST_WITH_BLANK_LINE)
    await expect(devConsole.payloadSize).toHaveText(
      formatBytes(countBytes(TOAST_WITH_BLANK_LINE), XML_LIMIT_BYTES),
    )
    await expect(devConsole.payloadProblems).toBeHidden()
  })

  await test.step('typing "<wp:Te" offers only the toast element not yet written', async () => {
    await devConsole.payload.press('Control+Home')
    for (let line = 1; line < 4; line++) {
      await devConsole.payload.press('ArrowDown')
    }
    await devConsole.payload.press('End')
    await devConsole.payload.pressSequentially('<wp:Te')

    await expect(devConsole.payloadCompletions).toBeVisible()
    await expect(devConsole.payloadCompletions.getByRole('option')).toHaveText(['wp:Text2'])
  })

  // A click, because CodeMirror ignores Enter for 75 ms after the list changes, so that fast
  // typing is not taken as a choice.
  await test.step('choosing it writes the element and places the cursor inside', async () => {
    await devConsole.payloadCompletions.getByRole('option', { name: 'wp:Text2' }).click()
    await devConsole.payload.pressSequentially('There')

    const expected = TOAST_WITH_BLANK_LINE.replace('\n    \n', '\n    <wp:Text2>There</wp:Text2>\n')
    await expect(devConsole.payloadCompletions).toBeHidden()
    await expect(devConsole.payload).toContainText('<wp:Text2>There</wp:Text2>')
    await expect(devConsole.payloadSize).toHaveText(
      formatBytes(countBytes(expected), XML_LIMIT_BYTES),
    )
  })

  await test.step('a broken end tag is reported with its line and column', async () => {
    await devConsole.payload.fill(TOAST_WITH_BROKEN_TAG)

    const problem = devConsole.payloadProblems.getByRole('listitem')
    await expect(problem).toHaveText(
      /^3:17 Error: Malformed XML payload at line 3, column 17: expected <\/wp:Text1>/,
    )
    await devConsole.payloadProblems
      .getByRole('button', { name: 'Go to line 3, column 17', exact: true })
      .click()
    await expect(devConsole.payload).toBeFocused()
  })

  await test.step('fixing the tag clears the report', async () => {
    await devConsole.payload.fill(TOAST_WITH_BLANK_LINE)
    await expect(devConsole.payloadProblems).toBeHidden()
  })

  await test.step('Tab moves the focus out of the editor', async () => {
    await devConsole.payload.focus()
    await devConsole.payload.press('Tab')
    await expect(devConsole.payload).not.toBeFocused()
  })
})

test('the byte count turns into an error over the raw limit', async ({ devConsole, page }) => {
  const body = 'x'.repeat(RAW_LIMIT_BYTES + 1)

  await test.step('fill a raw body one byte over the limit', async () => {
    await expect(page.getByText('Ctrl+Space lists the elements')).toBeVisible()
    await devConsole.notificationType.selectOption('raw')
    await devConsole.payload.fill(body)
  })

  await test.step('the count and the problem list report it', async () => {
    await expect(devConsole.payloadSize).toHaveText(
      `${formatBytes(body.length, RAW_LIMIT_BYTES)}: over the limit`,
    )
    await expect(devConsole.payloadProblems.getByRole('listitem')).toHaveText(
      `1:${RAW_LIMIT_BYTES + 1} Error: Payload too large: the raw body is ${body.length} bytes, over the limit of ${RAW_LIMIT_BYTES} bytes. Shorten the payload to ${RAW_LIMIT_BYTES} bytes or fewer.`,
    )
  })

  await test.step('deleting one character brings it back within the limit', async () => {
    await devConsole.payload.press('End')
    await devConsole.payload.press('Backspace')
    await expect(devConsole.payloadSize).toHaveText(formatBytes(RAW_LIMIT_BYTES, RAW_LIMIT_BYTES))
    await expect(devConsole.payloadProblems).toBeHidden()
  })
})

test('fill replaces several lines without leaving a blank line', async ({ devConsole, page }) => {
  // The code editor replaces the plain one after the first frame; this checks the code editor.
  await expect(page.locator('.cm-content')).toBeVisible()
  await devConsole.payload.fill(TOAST_WITH_BLANK_LINE)
  const oneLine = '<wp:Notification xmlns:wp="WPNotification"/>'
  await devConsole.payload.fill(oneLine)
  await expect(devConsole.payload).toHaveText(oneLine)
  await expect(devConsole.payloadSize).toHaveText(formatBytes(oneLine.length, XML_LIMIT_BYTES))

  await devConsole.payload.press('Control+A')
  await page.keyboard.type('x')
  await expect(devConsole.payloadSize).toHaveText(formatBytes(1, XML_LIMIT_BYTES))
})

test('Base64 raw bodies are counted and checked decoded', async ({ devConsole, page }) => {
  const withinLimit = Buffer.from('x'.repeat(1000)).toString('base64')
  const overLimit = Buffer.from('x'.repeat(RAW_LIMIT_BYTES + 1)).toString('base64')
  // Byte 1024, counted from zero, starts at bit 8192, in digit 1365 counted from zero.
  const firstColumnPastLimit = Math.floor((RAW_LIMIT_BYTES * 8) / 6) + 1

  await test.step('choose a raw body in Base64', async () => {
    await expect(page.getByText('Ctrl+Space lists the elements')).toBeVisible()
    await devConsole.notificationType.selectOption('raw')
    await devConsole.rawEncodingOption('Base64').check()
  })

  await test.step('1,000 bytes of Base64 fit the limit', async () => {
    await devConsole.payload.fill(withinLimit)
    await expect(devConsole.payloadSize).toHaveText(formatBytes(1000, RAW_LIMIT_BYTES))
    await expect(devConsole.payloadProblems).toBeHidden()
  })

  await test.step('one byte over the limit is marked from its first digit', async () => {
    await devConsole.payload.fill(overLimit)
    await expect(devConsole.payloadSize).toHaveText(
      `${formatBytes(RAW_LIMIT_BYTES + 1, RAW_LIMIT_BYTES)}: over the limit`,
    )
    await expect(devConsole.payloadProblems.getByRole('listitem')).toHaveText(
      `1:${firstColumnPastLimit} Error: Payload too large: the raw body decodes to ${RAW_LIMIT_BYTES + 1} bytes, over the limit of ${RAW_LIMIT_BYTES} bytes. Shorten the payload to Base64 of ${RAW_LIMIT_BYTES} bytes or fewer.`,
    )
  })

  await test.step('invalid Base64 is reported at its first bad character', async () => {
    await devConsole.payload.fill('AAEC\n/w!=')
    await expect(devConsole.payloadSize).toHaveText('Invalid Base64 (limit 1,024 bytes)')
    await expect(devConsole.payloadProblems.getByRole('listitem')).toHaveText(
      /^2:3 Error: Invalid Base64 body: "!" at position 8 is not allowed there\./,
    )
  })

  await test.step('the Text encoding counts the same text as UTF-8', async () => {
    await devConsole.rawEncodingOption('Text').check()
    await expect(devConsole.payloadSize).toHaveText(formatBytes(9, RAW_LIMIT_BYTES))
    await expect(devConsole.payloadProblems).toBeHidden()
  })
})
