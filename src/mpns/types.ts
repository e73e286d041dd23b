/** HTTP header as a name and value pair, in the order and letter case it was sent. */
export type HeaderEntry = readonly [name: string, value: string]

export type NotificationType = 'toast' | 'tile' | 'raw'

export type NotificationStatus = 'Received' | 'Dropped' | 'QueueFull' | 'Suppressed'

export type DeviceConnectionStatus = 'Connected' | 'TempDisconnected' | 'Disconnected' | 'Inactive'

export type SubscriptionStatus = 'Active' | 'Expired'

/** One HTTP request aimed at a channel URI, as the service worker or a test receives it. */
export interface MpnsHttpRequest {
  method: string
  /** Absolute URL of the request. */
  url: string
  headers: readonly HeaderEntry[]
  body: Uint8Array
}

/** The response to an MpnsHttpRequest. Header names use the casing MPNS sends. */
export interface MpnsHttpResponse {
  status: number
  statusText: string
  headers: HeaderEntry[]
  /** Plain-text explanation; empty for 2xx responses, because MPNS sent no body. */
  body: string
}

export interface ToastPayload {
  text1?: string
  text2?: string
  param?: string
  sound?: string
  silent: boolean
}

export type TileTemplate = 'Legacy' | 'FlipTile' | 'IconicTile' | 'CycleTile'

export type TileFieldName =
  | 'BackgroundImage'
  | 'Count'
  | 'Title'
  | 'BackBackgroundImage'
  | 'BackTitle'
  | 'BackContent'
  | 'SmallBackgroundImage'
  | 'WideBackgroundImage'
  | 'WideBackContent'
  | 'WideBackBackgroundImage'
  | 'IconImage'
  | 'SmallIconImage'
  | 'WideContent1'
  | 'WideContent2'
  | 'WideContent3'
  | 'BackgroundColor'
  | 'CycleImage1'
  | 'CycleImage2'
  | 'CycleImage3'
  | 'CycleImage4'
  | 'CycleImage5'
  | 'CycleImage6'
  | 'CycleImage7'
  | 'CycleImage8'
  | 'CycleImage9'

/** Change one tile element requests: a new value, or a reset through `Action="Clear"`. */
export type TileFieldUpdate = { action: 'set'; value: string } | { action: 'clear' }

export interface TilePayload {
  template: TileTemplate
  /** Navigation URI of a secondary tile; absent for the application (primary) tile. */
  id?: string
  fields: Partial<Record<TileFieldName, TileFieldUpdate>>
}

export type NotificationPayload =
  | { type: 'toast'; toast: ToastPayload }
  | { type: 'tile'; tile: TilePayload }
  | { type: 'raw'; body: Uint8Array }

/** A push channel as the service stores it. Plain data, safe to structured-clone. */
export interface ChannelRecord {
  token: string
  channelUri: string
  handsetId: string
  appId: string
  appName: string
  channelName: string
  boundToast: boolean
  boundTile: boolean
  /** Engine time in epoch milliseconds. */
  openedAt: number
}

/** State the handset's push client last reported to the service. */
export interface DeviceRecord {
  handsetId: string
  /** App whose page is on screen, or null on Start and other shell screens. */
  foregroundAppId: string | null
  /** Engine time in epoch milliseconds. */
  lastContactAt: number
}

/** An accepted notification waiting for the handset to acknowledge it. */
export interface QueuedNotification {
  /** Delivery id assigned by the service; the handset applies each id once. */
  deliveryId: string
  token: string
  handsetId: string
  appId: string
  notificationClass: number
  /** Engine time in epoch milliseconds. */
  acceptedAt: number
  /** Engine time in epoch milliseconds from which the notification may be delivered. */
  dueAt: number
  /** The request's X-MessageID, exactly as received. */
  messageId?: string
  payload: NotificationPayload
}

/** Engine settings that the emulator's user may change. */
export interface EngineSettings {
  /** Largest toast or tile body in bytes. @default 3072 */
  maxXmlBodyBytes: number
  /** Largest raw body in bytes. @default 1024 */
  maxRawBodyBytes: number
  /** Class used when X-NotificationClass is absent. @default 'slowest' */
  missingClassDefault: 'slowest' | 'immediate'
}
