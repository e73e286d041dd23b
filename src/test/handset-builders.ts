/** Identity of the first handset, as the page creates it. */
export const HANDSET_1 = { handsetId: 'handset-1', handsetName: 'Handset 1' } as const

/** localStorage key under which the first handset's state persists. */
export const HANDSET_1_STORAGE_KEY = 'wp8-emulator:handset-1'
