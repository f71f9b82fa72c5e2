# shellcheck shell=bash
# The network namespace and the libvirt daemons (virtlogd, libvirtd) that run inside it.
#
# The daemons share the host's file system, so their sockets in /run/libvirt are reachable from outside
# the namespace (virsh, libvirt-java with qemu:///system), while bridges and dnsmasq of the networks they
# create live inside the namespace.

# daemon_pid NAME PIDFILE: print the pid from PIDFILE if that process is alive and is NAME.
daemon_pid() {
    local name=$1 pidfile=$2 pid
    [[ -r $pidfile ]] || return 1
    pid=$(< "$pidfile")    # the daemons write the pid without a newline
    [[ $pid =~ ^[0-9]+$ && $(cat "/proc/$pid/comm" 2>/dev/null) == "$name" ]] || return 1
    pid_gone "$pid" && return 1
    printf '%s\n' "$pid"
}

# pid_gone PID: the process has exited (a zombie counts as gone: PID 1 may be slow to reap it).
pid_gone() {
    local state
    state=$(awk '/^State:/ { print $2 }' "/proc/$1/status" 2>/dev/null) || return 0
    [[ -z $state || $state == Z ]]
}

# pid_in_ns PID: true when PID runs in the lab namespace.
pid_in_ns() {
    local ns
    ns=$(stat -L -c %d:%i "/run/netns/$VBENCH_NS" 2>/dev/null) || return 1
    [[ $(stat -L -c %d:%i "/proc/$1/ns/net" 2>/dev/null) == "$ns" ]]
}

# shares_run_libvirt PID: PID sees the same /run/libvirt as we do, so its sockets would be the lab's. A daemon
# in another mount namespace with a /run/libvirt of its own (an emulated host of scripts/hosts) does not.
shares_run_libvirt() {
    local mine theirs
    mine=$(stat -L -c %d:%i /run/libvirt 2>/dev/null) || return 0
    theirs=$(stat -L -c %d:%i "/proc/$1/root/run/libvirt" 2>/dev/null) || return 0
    [[ $mine == "$theirs" ]]
}

# foreign_daemons: "pid name" of libvirt daemons that we did not start (e.g. the package's service) and that
# share our /run/libvirt.
foreign_daemons() {
    local ours pid stat name
    ours=" $(daemon_pid libvirtd "$LIBVIRTD_PIDFILE" || true) $(daemon_pid virtlogd "$VIRTLOGD_PIDFILE" || true) "
    ps -e -o pid=,stat=,comm= | while read -r pid stat name; do
        [[ $stat == Z* ]] && continue    # exited, not yet reaped
        case $name in
            libvirtd|virtlogd|virtqemud|virtnetworkd|virtproxyd|virtstoraged)
                [[ $ours == *" $pid "* ]] || ! shares_run_libvirt "$pid" || printf '%s %s\n' "$pid" "$name" ;;
        esac
    done
}

# daemons_stop_foreign: a libvirt daemon outside the namespace (sharing our /run/libvirt) would own
# /run/libvirt/libvirt-sock
# (and create the lab network outside the namespace). Stop it when a service manager owns it,
# otherwise refuse with an explanation.
daemons_stop_foreign() {
    local foreign units name
    foreign=$(foreign_daemons)
    if [[ -z $foreign ]]; then
        log "    none running"
        return 0
    fi
    log "    found outside the namespace: $(tr '\n' ' ' <<<"$foreign")"
    if [[ -d /run/systemd/system ]]; then
        units=$(systemctl list-units --all --plain --no-legend \
                    'libvirtd*' 'virtlogd*' 'virtqemud*' 'virtnetworkd*' 'virtproxyd*' 'virtstoraged*' \
                | awk '{ print $1 }')
        log "    stopping systemd units: $(tr '\n' ' ' <<<"$units")"
        log "    (start them again after the lab with: systemctl start libvirtd.socket virtlogd.socket)"
        # shellcheck disable=SC2086
        systemctl stop $units
    else
        for name in libvirtd virtlogd; do
            if [[ -x /etc/init.d/$name ]] && daemon_pid "$name" "/run/$name.pid" >/dev/null; then
                log "    stopping the $name service: /etc/init.d/$name stop"
                "/etc/init.d/$name" stop >&2
            fi
        done
    fi
    sleep 1
    foreign=$(foreign_daemons)
    [[ -z $foreign ]] || die 3 "libvirt daemons outside namespace '$VBENCH_NS' are running ($(tr '\n' ' ' <<<"$foreign"| sed 's/ $//')); they own the sockets in /run/libvirt that the lab needs. Stop them (e.g. kill PID) and run 'lab up' again."
}

ns_up() {
    if ns_exists; then
        log "    namespace $VBENCH_NS exists"
    else
        ip netns add "$VBENCH_NS"
        log "    created namespace $VBENCH_NS"
    fi
    ip -n "$VBENCH_NS" link set lo up
}

# daemon_start NAME PIDFILE: start NAME in the namespace unless it already runs there.
# daemon_running_in_ns NAME PIDFILE: true when NAME already runs in the lab namespace; one running outside it (the
# namespace was recreated?) is stopped, and the answer is false.
daemon_running_in_ns() {
    local name=$1 pidfile=$2 pid
    if pid=$(daemon_pid "$name" "$pidfile"); then
        if pid_in_ns "$pid"; then
            log "    $name already running (pid $pid)"
            return 0
        fi
        log "    $name (pid $pid) runs outside namespace $VBENCH_NS (namespace was recreated?); restarting it"
        daemon_stop "$name" "$pidfile"
    fi
    return 1
}

daemon_start() {
    local name=$1 pidfile=$2
    daemon_running_in_ns "$name" "$pidfile" && return 0
    install -d -m 0755 "$VBENCH_RUN"
    in_ns "$name" -d -p "$pidfile"
    pid=$(wait_for 20 daemon_pid "$name" "$pidfile") || die 3 "$name did not start (no live pid in $pidfile)"
    log "    started $name (pid $pid)"
}

# libvirt_answers: a daemon answers on qemu:///system (within 10 s).
libvirt_answers() { timeout 10 virsh -q -c "$VBENCH_URI" uri >/dev/null 2>&1; }

# libvirt_wait: until the in-namespace libvirtd answers on qemu:///system.
libvirt_wait() {
    wait_for 30 libvirt_answers || die 3 "libvirtd does not answer on $VBENCH_URI"
    log "    $VBENCH_URI answers (libvirt $(vsh version | awk '/Using library/ { print $NF }'))"
}

# daemon_stop NAME PIDFILE: SIGTERM, then SIGKILL after 20 s.
daemon_stop() {
    local name=$1 pidfile=$2 pid
    if ! pid=$(daemon_pid "$name" "$pidfile"); then
        log "    $name not running"
        rm -f "$pidfile"
        return 0
    fi
    kill -TERM "$pid"
    if ! wait_for 20 pid_gone "$pid"; then
        log "    $name (pid $pid) ignored SIGTERM; sending SIGKILL"
        kill -KILL "$pid" 2>/dev/null || true
        wait_for 5 pid_gone "$pid" || die 3 "$name (pid $pid) does not exit"
    fi
    rm -f "$pidfile"
    log "    stopped $name (pid $pid)"
}


# ns_down: stop what still runs in the namespace (nothing should), then delete it.
ns_down() {
    local pid pids
    if ! ns_exists; then
        log "    namespace $VBENCH_NS does not exist"
        return 0
    fi
    pids=$(ip netns pids "$VBENCH_NS" || true)
    for pid in $pids; do
        log "    stopping leftover process $pid ($(cat "/proc/$pid/comm" 2>/dev/null)) in $VBENCH_NS"
        kill -TERM "$pid" 2>/dev/null || true
    done
    for pid in $pids; do
        wait_for 10 pid_gone "$pid" || kill -KILL "$pid" 2>/dev/null || true
    done
    ip netns delete "$VBENCH_NS"
    log "    deleted namespace $VBENCH_NS"
}

# wait_for SECONDS CMD...: retry CMD every 0.2 s until it succeeds (its output is passed on) or time runs out.
wait_for() {
    local deadline=$(( $(now_us) + $1 * 1000000 )); shift
    until "$@"; do
        (( $(now_us) < deadline )) || return 1
        sleep 0.2
    done
}
