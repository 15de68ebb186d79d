// Preloaded into a CLI run by bench/criticality.ts: the process's CPU time
// (user + system, every thread's, worker threads included) on stderr at exit.
process.on('exit', () => {
  const c = process.cpuUsage();
  process.stderr.write(`\nbench-cpu-ms ${(c.user + c.system) / 1000}\n`);
});
