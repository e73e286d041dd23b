import { fileURLToPath } from 'node:url'

import { scenarioTest } from 'wp8-mpns-emulator/playwright'

scenarioTest(fileURLToPath(new URL('../scenarios/chat-toast.json', import.meta.url)))
