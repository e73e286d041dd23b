/** Formats a log time as local `HH:MM:SS`. */
export function formatLogTime(time: number): string {
  const date = new Date(time)
  return [date.getHours(), date.getMinutes(), date.getSeconds()].map(padTwoDigits).join(':')
}

/** Formats the status bar clock as local `HH:MM`. */
export function formatClockTime(date: Date): string {
  return [date.getHours(), date.getMinutes()].map(padTwoDigits).join(':')
}

function padTwoDigits(value: number): string {
  return String(value).padStart(2, '0')
}
