import { scenario, test } from 'wp8-mpns-emulator/playwright'

test(...scenario(new URL('../scenarios/chat-toast.json', import.meta.url)))
