/** POSTs in each run of the acceptance figures. */
export const ACCEPTANCE_POSTS = 1_000

/** Measured runs of each acceptance figure, after one warm-up run. */
export const ACCEPTANCE_RUNS = 5

/**
 * Sequential POSTs sent before the measured ones, so that a run finds the worker started, its
 * database open and the fetch path compiled.
 */
export const PRIMING_POSTS = 20

export const TOAST_RUNS = 5
export const TOASTS_PER_RUN = 30
export const WARM_UP_TOASTS = 10

/** Measured runs of the relayed toast figure; each toast there is measured three ways. */
export const EXTERNAL_TOAST_RUNS = 5
export const TOASTS_PER_EXTERNAL_RUN = 20

/**
 * Maximum random delay before each latency measurement, one frame at 60 Hz in milliseconds.
 * Both latencies end at an animation frame, and a random start keeps that wait from locking to
 * the rhythm of the harness's own steps.
 */
export const START_JITTER_MS = 1000 / 60

/** Raw notifications in the backlog. */
export const BACKLOG_SIZE = 10_000

export const BACKLOG_RUNS = 5

/** Runs when the warm-up run, queueing included, takes longer than BACKLOG_SLOW_RUN_MS. */
export const BACKLOG_RUNS_WHEN_SLOW = 3

export const BACKLOG_SLOW_RUN_MS = 30_000

/** Pause between two reads of the app's raw count during a drain, in milliseconds. */
export const RAW_COUNT_POLL_MS = 25

/**
 * Pause between two reads of the queue during a drain, in milliseconds. Each read is an
 * IndexedDB transaction on the store the worker drains, so reading more often would slow the
 * drain it measures.
 */
export const QUEUE_POLL_MS = 100

/** Cold starts measured after one warm-up start, each in a browser context of its own. */
export const COLD_START_RUNS = 5

/** Live tiles animating on Start while frames are timed. */
export const ANIMATED_TILE_COUNT = 30

/** Measured runs of the Start animation figures, after one warm-up run. */
export const ANIMATION_RUNS = 5

/** Length of one run of frame timing, in milliseconds. */
export const ANIMATION_RUN_MS = 10_000

/** Measured runs of the keystroke-to-preview figure, after one warm-up run. */
export const KEYSTROKE_RUNS = 5

/** Keystrokes in each run of the keystroke-to-preview figure. */
export const KEYSTROKES_PER_RUN = 20

/** Measured runs of the example project's scenario test, after one warm-up run. */
export const EXAMPLE_SCENARIO_RUNS = 5

/** Repetitions of the example project's whole suite, as `--repeat-each` gives them. */
export const EXAMPLE_SUITE_REPEATS = 50
