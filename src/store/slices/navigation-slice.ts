import type { StateCreator } from 'zustand'

import { findApp } from '@/apps/sample-apps'
import { logWarn } from '@/lib/log'
import type { NavigationTarget } from '@/mpns/param'

import type { DeviceStore } from '../device-store'
import { refreshAppChannel } from './app-channel'
import {
  MAX_BACK_STACK,
  START_SCREEN,
  appendCapped,
  isScreenOfApp,
  withAppChanges,
} from './device-model'
import type { NavigationDirection, Screen, SettingsPageId } from './device-model'

export interface NavigationSlice {
  handsetId: string
  handsetName: string
  screen: Screen
  /** Screens that Back returns to, the most recent last. */
  backStack: Screen[]
  /** Direction of the latest navigation, which picks the page transition. */
  navigationDirection: NavigationDirection
  /** Increases on every navigation, so each page visit gets its own transition key. */
  navigationCount: number
  /** Takes the name the handset registry gives this handset. */
  renameHandset: (name: string) => void
  /** Opens an app at `target`, or at its default page, and opens or refreshes its channel. */
  launchApp: (appId: string, target?: NavigationTarget) => void
  /** Opens the app list, which shows every app, installed or not. */
  openAppList: () => void
  /** Opens a page of the Settings app, its main list by default. */
  openSettings: (page?: SettingsPageId) => void
  /** Opens the foreground app's own notification settings page, over its current page. */
  openAppSettings: (appId: string) => void
  /**
   * Returns to the previous page or to Start. Does nothing on Start. In Start's customisation
   * mode it only ends customisation.
   */
  goBack: () => void
  /** Shows Start and clears the back stack. In customisation mode it only ends customisation. */
  goStart: () => void
}

/** Identity of a handset before `createDeviceStore` names it. */
const UNNAMED_HANDSET_ID = 'handset-1'
const UNNAMED_HANDSET_NAME = 'Handset 1'

const APP_LIST_SCREEN: Screen = { kind: 'app-list' }

export const createNavigationSlice: StateCreator<DeviceStore, [], [], NavigationSlice> = (
  set,
  get,
) => ({
  handsetId: UNNAMED_HANDSET_ID,
  handsetName: UNNAMED_HANDSET_NAME,
  screen: START_SCREEN,
  backStack: [],
  navigationDirection: 'forward',
  navigationCount: 0,

  renameHandset: (name) => {
    if (get().handsetName !== name) {
      set({ handsetName: name })
    }
  },

  launchApp: (appId, target) => {
    const app = findApp(appId)
    const appState = get().apps[appId]
    if (!app || !appState?.installed) {
      logWarn('[app]', `Failed to launch "${appId}": no such app is installed on this handset.`)
      return
    }

    const { page, query } = target ?? { page: app.defaultPage, query: [] }
    const screen: Screen = { kind: 'app', appId, page, query }
    set((state) => ({
      screen,
      backStack: toBackStackForLaunch(state.backStack, state.screen, appId),
      navigationDirection: 'forward',
      navigationCount: state.navigationCount + 1,
      apps: withAppChanges(state.apps, appId, { launched: true }),
      customizingTileKey: null,
    }))

    // On the first launch, answerPermission opens the channel once the user has answered the
    // prompt. Every later launch refreshes it, because the app calls Find or Open on start.
    // A raw-only app shows no prompt, so it opens its channel on every launch.
    if (appState.permission !== 'unasked' || app.rawOnly === true) {
      void refreshAppChannel(get, appId)
    }
  },

  openAppList: () => {
    const { screen } = get()
    if (screen.kind === 'app-list') {
      return
    }
    set((state) => toForwardNavigation(state, APP_LIST_SCREEN))
  },

  openSettings: (page = 'home') => {
    const { screen } = get()
    if (screen.kind === 'settings' && screen.page === page) {
      return
    }
    set((state) => toForwardNavigation(state, { kind: 'settings', page }))
  },

  openAppSettings: (appId) => {
    const { screen, apps } = get()
    if (screen.kind !== 'app' || screen.appId !== appId || apps[appId]?.installed !== true) {
      return
    }
    set((state) => toForwardNavigation(state, { kind: 'app-settings', appId }))
  },

  goBack: () => {
    const { screen, backStack, customizingTileKey } = get()
    if (customizingTileKey !== null) {
      get().leaveCustomization()
      return
    }
    if (screen.kind === 'start') {
      return
    }
    set((state) => ({
      screen: backStack.at(-1) ?? START_SCREEN,
      backStack: backStack.slice(0, -1),
      navigationDirection: 'backward',
      navigationCount: state.navigationCount + 1,
    }))
  },

  goStart: () => {
    const { screen, backStack, customizingTileKey } = get()
    if (customizingTileKey !== null) {
      get().leaveCustomization()
      return
    }
    if (screen.kind === 'start' && backStack.length === 0) {
      return
    }
    set((state) => ({
      screen: START_SCREEN,
      backStack: [],
      navigationDirection: 'forward',
      navigationCount: state.navigationCount + 1,
    }))
  },
})

/** Shows `screen` and pushes the current one on the back stack. */
function toForwardNavigation(state: NavigationSlice, screen: Screen): Partial<DeviceStore> {
  return {
    screen,
    backStack: appendCapped(state.backStack, state.screen, MAX_BACK_STACK),
    navigationDirection: 'forward',
    navigationCount: state.navigationCount + 1,
    customizingTileKey: null,
  }
}

/**
 * Pushes the current screen and removes the launched app's older pages: launching an app
 * starts a fresh instance, so Back never returns into the instance it replaced.
 */
function toBackStackForLaunch(
  backStack: readonly Screen[],
  current: Screen,
  launchedAppId: string,
): Screen[] {
  const next = [...backStack, current].filter((screen) => !isScreenOfApp(screen, launchedAppId))
  return next.slice(Math.max(0, next.length - MAX_BACK_STACK))
}

/** Computes the navigation after an app's pages are removed, as when the app is uninstalled. */
export function withoutAppScreens(
  state: Pick<NavigationSlice, 'screen' | 'backStack' | 'navigationCount'>,
  appId: string,
): Partial<NavigationSlice> {
  const backStack = state.backStack.filter((screen) => !isScreenOfApp(screen, appId))
  if (!isScreenOfApp(state.screen, appId)) {
    return { backStack }
  }
  return {
    screen: backStack.at(-1) ?? START_SCREEN,
    backStack: backStack.slice(0, -1),
    navigationDirection: 'backward',
    navigationCount: state.navigationCount + 1,
  }
}
