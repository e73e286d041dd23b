import type { Locator } from '@playwright/test'

import { expectNoSeriousViolations } from './axe'
import { expect, test } from './fixtures'

/** Pixels of slack when two boxes are compared, for borders and sub-pixel rounding. */
const LAYOUT_SLACK_PX = 2

test('console position on wide and narrow windows', async ({ page, phone, devConsole }) => {
  const consoleRegion = page.getByRole('region', { name: 'Developer console', exact: true })
  await expect(devConsole.sendButton).toBeVisible()

  const wideHandset = await boxOf(phone.handset)
  const wideConsole = await boxOf(consoleRegion)
  expect(wideConsole.x).toBeGreaterThanOrEqual(wideHandset.x + wideHandset.width - LAYOUT_SLACK_PX)
  expect(wideConsole.y).toBeLessThan(wideHandset.y + wideHandset.height)

  await page.setViewportSize({ width: 560, height: 900 })
  await expect
    .poll(async () => (await boxOf(consoleRegion)).y)
    .toBeGreaterThanOrEqual((await boxOf(phone.handset)).y + (await boxOf(phone.handset)).height)
  const narrowConsole = await boxOf(consoleRegion)
  expect(narrowConsole.x + narrowConsole.width).toBeLessThanOrEqual(560 + LAYOUT_SLACK_PX)
  const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth)
  expect(pageWidth, 'the page scrolls sideways on a narrow window').toBeLessThanOrEqual(560)
})

test('page theme switch, reload and axe', async ({ page, devConsole }) => {
  const themePicker = page.getByRole('combobox', { name: 'Page theme', exact: true })
  const consoleRegion = page.getByRole('region', { name: 'Developer console', exact: true })
  await expect(devConsole.sendButton).toBeVisible()

  await themePicker.selectOption({ label: 'Dark' })
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  await expect(consoleRegion).toHaveCSS('background-color', 'rgb(30, 30, 30)')
  await expectNoSeriousViolations(page)

  await themePicker.selectOption({ label: 'Light' })
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light')
  await expect(consoleRegion).toHaveCSS('background-color', 'rgb(255, 255, 255)')
  await expectNoSeriousViolations(page)

  await page.reload()
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light')
  await expect(themePicker).toHaveValue('light')
})

test('the system preference picks the theme until one is chosen', async ({ page, devConsole }) => {
  await expect(devConsole.sendButton).toBeVisible()
  await page.emulateMedia({ colorScheme: 'light' })
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light')
  await page.emulateMedia({ colorScheme: 'dark' })
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
})

test('Tab moves through the console controls in the order they are laid out', async ({
  page,
  devConsole,
}) => {
  await expect(devConsole.sendButton).toBeVisible()
  await devConsole.channel.focus()
  const visited: Array<{ name: string; x: number; y: number; height: number }> = []
  for (let step = 0; step < 24; step += 1) {
    const focused = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null
      if (!element) {
        return null
      }
      const rect = element.getBoundingClientRect()
      const name =
        element.getAttribute('aria-label') ?? element.textContent?.trim().slice(0, 40) ?? ''
      return {
        name: `${element.tagName} ${name}`,
        x: rect.x + window.scrollX,
        y: rect.y + window.scrollY,
        height: rect.height,
      }
    })
    if (focused === null) {
      break
    }
    visited.push(focused)
    await page.keyboard.press('Tab')
  }
  for (let index = 1; index < visited.length; index += 1) {
    const previous = visited[index - 1]!
    const current = visited[index]!
    // Next in reading order: further right on the same row, or on a row further down.
    const below = current.y >= previous.y + previous.height - LAYOUT_SLACK_PX
    const rightOnSameRow =
      current.x >= previous.x - LAYOUT_SLACK_PX && current.y < previous.y + previous.height
    const inOrder = below || rightOnSameRow
    expect(inOrder, `${previous.name} then ${current.name}`).toBe(true)
  }
})

test('the first Tab offers a skip link to the console', async ({ page, devConsole }) => {
  await expect(devConsole.sendButton).toBeVisible()
  await page.locator('body').focus()
  await page.keyboard.press('Tab')
  const skipLink = page.getByRole('link', { name: 'Skip to the developer console', exact: true })
  await expect(skipLink).toBeFocused()
  await expect(skipLink).toBeInViewport()
  await page.keyboard.press('Enter')
  await page.keyboard.press('Tab')
  await expect(devConsole.channel).toBeFocused()
})

test('Ctrl+Enter sends from the payload editor', async ({ phone, devConsole }) => {
  await phone.launchWithPermission('Contoso Weather', true)
  await devConsole.notificationType.selectOption('toast')
  await devConsole.payload.click()
  await devConsole.payload.press('Control+Enter')
  await expect(devConsole.response).toContainText('HTTP/1.1 200 OK')
})

async function boxOf(
  locator: Locator,
): Promise<{ x: number; y: number; width: number; height: number }> {
  const box = await locator.boundingBox()
  if (box === null) {
    throw new Error('The element has no layout box.')
  }
  return box
}
