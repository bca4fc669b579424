#!/usr/bin/env bash
# Benchmark: Rampart's two built-in profiles (dev-sec linux-baseline and ssh-baseline) on a
# Debian root file system and on this machine, against OpenSCAP (openscap-scanner with the SCAP
# Security Guide's Debian content) and Lynis (`lynis audit system --quick`) on the same targets,
# in one run. Installs the peers from Debian's packages when missing (root).
#
#   bench/host/run.sh [ROOTFS]   (default: /var/cache/rampart/rootfs-bookworm, made by .ci/run)
set -uo pipefail
cd "$(dirname "$0")/../.."
rootfs=${1:-/var/cache/rampart/rootfs-bookworm}
[ -f "$rootfs/var/lib/dpkg/status" ] || { echo "no root file system at $rootfs (run .ci/run, or pass one)"; exit 2; }
[ -x .build/release/rampart ] || swift build -c release
missing=()
command -v oscap >/dev/null || missing+=(openscap-scanner)
ls /usr/share/xml/scap/ssg/content/ssg-debian*-ds.xml >/dev/null 2>&1 || missing+=(ssg-debian)
command -v lynis >/dev/null || missing+=(lynis)
if [ ${#missing[@]} -gt 0 ]; then DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null 2>&1 || echo "(could not install ${missing[*]})"; fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
best() {  # best wall time of 5 runs of the command
  local best=999999 t
  for _ in 1 2 3 4 5; do
    /usr/bin/time -f "%e" -o "$tmp/t" "$@" >/dev/null 2>&1 || true
    t=$(tail -1 "$tmp/t"); best=$(awk -v a="$best" -v b="$t" 'BEGIN { print (b < a ? b : a) }')
  done
  echo "$best"
}
once() { /usr/bin/time -f "%e" -o "$tmp/t" "$@" >/dev/null 2>&1 || true; tail -1 "$tmp/t"; }
# OpenSCAP's rule results by status, from its results file.
results() { python3 -c "import re,sys,collections; t=open(sys.argv[1]).read(); print(dict(collections.Counter(re.findall(r'<result>(\\w+)</result>', t))))" "$1" 2>/dev/null; }

files=$(find "$rootfs" -xdev | wc -l)
echo "root file system: $rootfs ($files entries)"
r_dir=$(best .build/release/rampart host --target "dir:$rootfs" --fail-on none -q --format json --output /dev/null)
r_local=$(best .build/release/rampart host --target local --fail-on none -q --format json --output /dev/null)
echo "rampart host, both profiles (130 controls), best of 5: rootfs $r_dir s, local $r_local s"
if [ -x /usr/sbin/sshd ] && [ "$(id -u)" = 0 ]; then
  port=$(.ci/throwaway-sshd "$tmp/sshd")
  ssh_target=(--target "ssh://root@127.0.0.1:$port" --identity "$tmp/sshd/userkey" --known-hosts "$tmp/sshd/known_hosts")
  .build/release/rampart host "${ssh_target[@]}" --accept-new-host-key --fail-on none -q --format json --output /dev/null >/dev/null 2>&1
  r_ssh=$(best .build/release/rampart host "${ssh_target[@]}" --fail-on none -q --format json --output /dev/null)
  echo "rampart host over SSH to this machine (127.0.0.1, one connection, one remote shell): $r_ssh s"
  kill "$(cat "$tmp/sshd/sshd.pid")" 2>/dev/null
fi
find_local=$(once find / -xdev \( -perm /6000 -o -iname .rhosts -o -iname .netrc \) -type f)
echo "bare find / -xdev -perm /6000 (the search dev-sec's os-06 and os-09 make): $find_local s"

# Bookworm's ssg-debian ships content up to Debian 11: the newest one is used.
ds=$(ls /usr/share/xml/scap/ssg/content/ssg-debian*-ds.xml 2>/dev/null | grep -v -- '-1.2' | sort -V | tail -1)
if command -v oscap >/dev/null && [ -n "$ds" ] && [ -f "$ds" ]; then
  profile=xccdf_org.ssgproject.content_profile_standard
  # Offline scan of a root file system: OSCAP_PROBE_ROOT (what oscap-chroot sets).
  o_dir=$(OSCAP_PROBE_ROOT="$rootfs" once oscap xccdf eval --profile "$profile" --results "$tmp/o-dir.xml" "$ds")
  o_local=$(once oscap xccdf eval --profile "$profile" --results "$tmp/o-local.xml" "$ds")
  echo "OpenSCAP ($profile, $(basename "$ds")): rootfs $o_dir s $(results "$tmp/o-dir.xml"), local $o_local s $(results "$tmp/o-local.xml")"
  awk -v o="$o_dir" -v r="$r_dir" 'BEGIN { printf "  Rampart is %.0fx faster on the rootfs\n", o / r }'
  awk -v o="$o_local" -v r="$r_local" 'BEGIN { printf "  Rampart is %.0fx faster on this machine\n", o / r }'
else
  echo "OpenSCAP with the Debian SSG content is not available here"
fi
if command -v lynis >/dev/null; then
  l_local=$(once lynis audit system --quick --no-colors)
  l_dir=$(once lynis audit system --quick --no-colors --rootdir "$rootfs")
  echo "Lynis audit system --quick: rootfs $l_dir s, local $l_local s"
  awk -v l="$l_local" -v r="$r_local" 'BEGIN { printf "  Rampart is %.0fx faster on this machine\n", l / r }'
else
  echo "Lynis is not available here"
fi
