/**
 * Preloaded (`node --import`) into the publisher's build processes: a build whose parent is
 * gone — the publisher killed with SIGKILL, which no handler sees — stops within a second, so it
 * never switches in a site behind the back of the publisher that restarts and takes over.
 * Passed on through NODE_OPTIONS, so Astro and its indexer follow their own parents the same way.
 */
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) process.exit(1);
}, 250).unref();
