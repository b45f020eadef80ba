# Sourced by .ci/run: apt-get that waits, bounded, for another apt or dpkg to finish (unattended
# upgrades, a second CI job) instead of failing at once on a held lock.
# DPkg::Lock::Timeout makes apt-get wait for the dpkg lock; `apt-get update` ignores it for its own
# lock on /var/lib/apt/lists (apt 2.6 still fails at once), so a run that failed on a lock is
# retried until the same deadline. APT_LOCK_WAIT (seconds, default 600) bounds the whole wait.
APT_LOCK_WAIT=${APT_LOCK_WAIT:-600}

apt_get() {
  local deadline=$((SECONDS + APT_LOCK_WAIT)) out
  while true; do
    if out=$(apt-get -o DPkg::Lock::Timeout="$APT_LOCK_WAIT" "$@" 2>&1); then
      return 0
    fi
    if grep -qE 'Could not get lock|Unable to lock|Unable to acquire the dpkg' <<<"$out" && ((SECONDS < deadline)); then
      echo "apt-get $1: waiting for another package manager to finish…" >&2
      sleep 3
      continue
    fi
    printf '%s\n' "$out" >&2
    return 1
  done
}
