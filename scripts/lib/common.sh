# shellcheck shell=bash
# shellcheck disable=SC2034  # the settings are used by the scripts that source this file
# Shared settings and small functions for the vbench host scripts.
# Sourced by scripts/lab, scripts/test, scripts/vbench; never executed on its own.

VBENCH_REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
VBENCH_SCRIPTS=$VBENCH_REPO/scripts
VBENCH_HOME=${VBENCH_HOME:-/var/lib/vbench}

# The facts the Java code shares with these scripts live in one file, read by both sides.
VBENCH_LAB_FACTS=$VBENCH_REPO/provisioning/src/main/resources/dev/vbench/provisioning/lab.properties

# lab_fact KEY: the value of KEY in lab.properties (dev.vbench.provisioning.LabFacts reads the same file).
lab_fact() {
    local value
    value=$(sed -n "s/^$1=//p" "$VBENCH_LAB_FACTS")
    [[ -n $value ]] || { printf '%s: %s has no value for %s\n' "${VBENCH_PROG:-vbench}" "$VBENCH_LAB_FACTS" "$1" >&2; exit 1; }
    printf '%s\n' "$value"
}

VBENCH_NS=$(lab_fact namespace)                 # network namespace
VBENCH_NET=$(lab_fact network)                  # libvirt network
VBENCH_BRIDGE=vbench0
VBENCH_NET_ADDR=192.168.150.1
VBENCH_NET_PREFIX=24
VBENCH_DHCP_START=192.168.150.10
VBENCH_DHCP_END=192.168.150.250
VBENCH_URI=qemu:///system
# Open vSwitch in the namespace (scripts/lib/ovs.sh, `lab up --ovs`): a userspace-datapath bridge with its own
# subnet, and the libvirt network over it; the host address is where the iperf3 server of guests on it listens
# (a plan names it: network: {network: vbench-ovs, host: ADDRESS}).
# (Not in lab.properties: that file is part of the image's recipe hash, and the image does not depend on these.)
VBENCH_OVS_BRIDGE=vbovs0
VBENCH_OVS_NET=vbench-ovs
VBENCH_OVS_ADDR=192.168.151.1
VBENCH_OVS_PREFIX=24
VBENCH_OVS_DHCP_START=${VBENCH_OVS_ADDR%.*}.10
VBENCH_OVS_DHCP_END=${VBENCH_OVS_ADDR%.*}.250
VBENCH_DOMAIN_PREFIX=vbench-

VBENCH_SSH_KEY=$VBENCH_HOME/ssh/id_ed25519
VBENCH_IMAGES=$VBENCH_HOME/images
VBENCH_POOL=$VBENCH_HOME/pool
VBENCH_RUN=/run/vbench                          # pid files of the daemons we start
LIBVIRTD_PIDFILE=$VBENCH_RUN/libvirtd.pid
VIRTLOGD_PIDFILE=$VBENCH_RUN/virtlogd.pid

# Progress goes to stderr so that stdout stays usable (e.g. dir=$(scripts/lab image)).
log() { printf '%s\n' "$*" >&2; }
die() { local code=$1; shift; printf '%s: %s\n' "${VBENCH_PROG:-vbench}" "$*" >&2; exit "$code"; }

require_root() {
    [[ $EUID -eq 0 ]] || die 2 "must run as root (try: sudo $0${*:+ $*})"
}

# Microseconds since the epoch, from bash's EPOCHREALTIME.
now_us() { local t=${EPOCHREALTIME/./}; printf '%s' "${t#0}"; }

# seconds_since START_US -> "12.3"
seconds_since() {
    local elapsed=$(( $(now_us) - $1 ))
    printf '%d.%d' $(( elapsed / 1000000 )) $(( elapsed / 100000 % 10 ))
}

# step "what" command args...: announce a step, run it, print how long it took.
# Called plainly (not in `if`/`||`) so that `set -e` still applies inside.
step() {
    local what=$1; shift
    local t0; t0=$(now_us)
    log "==> $what"
    "$@"
    log "    done: $what ($(seconds_since "$t0") s)"
}

# ns_exists: true when our network namespace exists.
ns_exists() { [[ -e /run/netns/$VBENCH_NS ]]; }

# vsh ARGS...: virsh against the system daemon, quiet.
vsh() { virsh -q -c "$VBENCH_URI" "$@"; }

# in_ns CMD...: run a command inside the lab namespace.
in_ns() { ip netns exec "$VBENCH_NS" "$@"; }
