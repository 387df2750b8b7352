// Children that Attest's launchers (scripts/start.mjs, scripts/cluster.mjs)
// spawn run detached, each the leader of its own process group, so that a
// signal reaches what they start in turn (next-server, build workers).

/** Signal a child's whole process group (it is its group leader: detached). */
export function killGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    try {
      child.kill(signal); // no group (or not POSIX): at least the child
    } catch {
      // already gone
    }
  }
}

/** Resolves true once no process of the child's group is left, false after timeoutMs. */
export async function groupGone(child, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      process.kill(-child.pid, 0); // signal 0: does the group still exist?
    } catch {
      return true;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}
