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
  /**
   * CN of the client certificate the HTTPS endpoint verified; absent for plain HTTP and for
   * requests sent from the emulator page itself.
   */
  clientCertificateName?: string
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

/** Reason a channel closed. Requests to its token then get 404 Dropped / Expired. */
export type ChannelCloseReason = 'closed-by-app' | 'uninstalled' | 'app-exited' | 'renewed'

/** A push channel as the service stores it. Plain data, safe to structured-clone. */
export interface ChannelRecord {
  token: string
  channelUri: string
  handsetId: string
  appId: string
  appName: string
  channelName: string
  /** CN of the service certificate the app named when it opened the channel; absent for throttled channels. */
  serviceName?: string
  boundToast: boolean
  boundTile: boolean
  /** Template of the app's primary tile, which every update of that tile must match. */
  tileTemplate: TileTemplate
  /** Engine time in epoch milliseconds. */
  openedAt: number
  /** Engine time the channel closed, in epoch milliseconds; absent while it is open. */
  closedAt?: number
  closeReason?: ChannelCloseReason
  /** Callback an authenticated service registered on `<channel URI>/callback`; absent when none is. */
  callback?: ChannelCallback
}

/** A callback registration: what the service POSTs, and where, when the handset turns Inactive. */
export interface ChannelCallback {
  /** Absolute http or https URI from the X-CallbackURI header. */
  uri: string
  /** Registration body, at most 1,024 bytes, sent back verbatim. */
  body: Uint8Array
  /** Engine time of the registration, in epoch milliseconds. */
  registeredAt: number
  /** Engine time the callback fired, in epoch milliseconds; absent until it fires. It fires once. */
  firedAt?: number
}

/** Data connection as the handset reports it: offline covers airplane mode and no data. */
export type NetworkState = 'online' | 'offline'

/**
 * Power level as the handset reports it: `saver` is battery saver at low battery (toast and tile
 * dropped, raw delivered) and `critical` drops every type.
 */
export type BatteryState = 'normal' | 'saver' | 'critical'

/** State the handset's push client last reported to the service. */
export interface DeviceRecord {
  handsetId: string
  /** App whose page is on screen, or null on Start and other shell screens. */
  foregroundAppId: string | null
  /** Engine time in epoch milliseconds. */
  lastContactAt: number
  network: NetworkState
  /** Engine time the handset went offline, in epoch milliseconds; absent while online. */
  offlineSince?: number
  battery: BatteryState
  /** Navigation URIs of the pinned secondary tiles, per app id. */
  secondaryTileIds: Record<string, string[]>
  /**
   * Engine time the service first found the handset Inactive, in epoch milliseconds. It is set
   * once per time away, which is when a registered callback fires, and cleared when it is back online.
   */
  inactiveNoticedAt?: number
}

/** Notifications a throttled channel was sent on one UTC calendar day, for the daily quota. */
export interface ChannelUsage {
  token: string
  /** UTC calendar day of the engine clock, as `YYYY-MM-DD`. */
  day: string
  count: number
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

/** Engine settings that the emulator's user may change. The defaults are in DEFAULT_ENGINE_SETTINGS. */
export interface EngineSettings {
  /** Largest toast or tile body in bytes. @default 3072 */
  maxXmlBodyBytes: number
  /** Largest raw body in bytes. @default 1024 */
  maxRawBodyBytes: number
  /** Class used when X-NotificationClass is absent. @default 'slowest' */
  missingClassDefault: 'slowest' | 'immediate'
  /** Notifications per throttled channel per UTC day before 406. @default 500 */
  dailyQuota: number
  /** Undelivered notifications per channel before 200 QueueFull. @default 100 */
  queueDepth: number
  /** Engine minutes offline after which the handset is Inactive (412). @default 60 */
  inactiveAfterMinutes: number
  /** Turns every sender warning except a missing Version="2.0" into 400. @default false */
  strictMode: boolean
  /** Sends 503 to every request, as MPNS did when it could not process requests. @default false */
  serviceDown: boolean
  /** Response to a well-formed token that was never issued. @default 'not-found' */
  unknownTokenAnswer: 'not-found' | 'probe-resistant'
  /** Size limits on authenticated channels: lifted (64 KB engine cap) or the documented ones. @default 'lifted' */
  authenticatedLimits: 'lifted' | 'documented'
}
