# shellcheck shell=bash
# shellcheck disable=SC2034  # settings used by scripts/hosts, and network.sh's settings set for one host
# Emulated hypervisor hosts on this machine, for the remote-host tests (scripts/hosts).
#
# Host I (1..9) is network namespace vbench-hI plus a persistent mount namespace ($HOSTS_RUN/hI/mnt) in which
# private directories ($HOSTS_HOME/hI/...) cover /run (a tmpfs), /run/libvirt, /var/lib/libvirt,
# /var/log/libvirt, /var/cache/libvirt, /etc/libvirt (a copy without definitions), VBENCH_HOME and /tmp. There
# run its own sshd (10.231.I.2:22, root by key only), virtlogd and libvirtd, and its libvirt network
# "vbench" (192.168.(160+I).1/24). The harness namespace vbench-hx has 10.231.I.1/24 on a veth to each host
# and reaches a host only over qemu+ssh (the lab key, the known_hosts file written here).

HOSTS_HOME=/var/lib/vbench-hosts
HOSTS_RUN=/run/vbench-hosts
HOSTS_HARNESS_NS=vbench-hx
HOSTS_NS_PREFIX=vbench-h
HOSTS_KNOWN_HOSTS=$HOSTS_HOME/known_hosts
HOSTS_SSH=$HOSTS_HOME/ssh                   # the ssh command libvirt runs (URI parameter command=)
HOSTS_MAX=9

host_ns() { printf '%s%s\n' "$HOSTS_NS_PREFIX" "$1"; }
host_dir() { printf '%s/h%s\n' "$HOSTS_HOME" "$1"; }
host_mnt() { printf '%s/h%s/mnt\n' "$HOSTS_RUN" "$1"; }
host_uts() { printf '%s/h%s/uts\n' "$HOSTS_RUN" "$1"; }
host_addr() { printf '10.231.%s.2\n' "$1"; }
harness_addr() { printf '10.231.%s.1\n' "$1"; }
host_uri() {
    printf 'qemu+ssh://root@%s/system?keyfile=%s&command=%s&no_tty=1\n' \
        "$(host_addr "$1")" "$VBENCH_SSH_KEY" "$HOSTS_SSH"
}

# host_mounts I: "target source-subdirectory" of the private directories of host I, in mount order.
host_mounts() {
    cat <<EOF
/run/libvirt libvirt-run
/var/lib/libvirt libvirt-lib
/var/log/libvirt libvirt-log
/var/cache/libvirt libvirt-cache
/etc/libvirt libvirt-etc
$VBENCH_HOME vbench-home
/tmp tmp
EOF
}

# host_exec I CMD...: run CMD in host I's network and mount namespaces.
host_exec() {
    local i=$1
    shift
    nsenter --net="/run/netns/$(host_ns "$i")" --mount="$(host_mnt "$i")" --uts="$(host_uts "$i")" -- "$@"
}

# host_virsh I ARGS...: virsh on host I's own libvirtd, through its private socket (no SSH).
host_virsh() { local i=$1; shift; host_exec "$i" virsh -q -c qemu:///system "$@"; }

host_mnt_live() { [[ $(stat -f -c %T "$(host_mnt "$1")" 2>/dev/null) == nsfs ]]; }
host_uts_live() { [[ $(stat -f -c %T "$(host_uts "$1")" 2>/dev/null) == nsfs ]]; }
host_ns_exists() { [[ -e /run/netns/$(host_ns "$1") ]]; }

# hosts_present: the numbers of the hosts that have a namespace, state or runtime directory.
hosts_present() {
    local p
    {
        for p in /run/netns/"$HOSTS_NS_PREFIX"[0-9]; do [[ -e $p ]] && printf '%s\n' "${p##*-h}"; done
        for p in "$HOSTS_HOME"/h[0-9] "$HOSTS_RUN"/h[0-9]; do [[ -e $p ]] && printf '%s\n' "${p##*/h}"; done
    } | sort -un
}

# pids_in_ns_of NSFILE KIND: the pids whose namespace of KIND (net, mnt) is the one NSFILE holds.
pids_in_ns_of() {
    local p
    [[ -e $1 ]] || return 0
    for p in /proc/[0-9]*; do
        [[ $p/ns/$2 -ef $1 ]] && printf '%s\n' "${p#/proc/}"
    done
    return 0
}

# own_ancestry: this shell and its ancestors (never killed, even when `down` runs inside vbench-hx).
own_ancestry() {
    local p=$$
    while [[ $p =~ ^[0-9]+$ && $p -gt 1 ]]; do
        printf '%s\n' "$p"
        p=$(awk '/^PPid:/ { print $2 }' "/proc/$p/status" 2>/dev/null) || break
    done
}

# kill_all WHAT PID...: SIGTERM, up to 10 s, then SIGKILL; never this script's own ancestry.
kill_all() {
    local what=$1 pid ours
    shift
    ours=" $(own_ancestry | tr '\n' ' ') "
    local -a pids=()
    for pid in "$@"; do [[ $ours == *" $pid "* ]] || pid_gone "$pid" || pids+=("$pid"); done
    (( ${#pids[@]} )) || return 0
    for pid in "${pids[@]}"; do
        log "    stopping $(cat "/proc/$pid/comm" 2>/dev/null || echo '?') (pid $pid) in $what"
        kill -TERM "$pid" 2>/dev/null || true
    done
    for pid in "${pids[@]}"; do
        wait_for 10 pid_gone "$pid" || kill -KILL "$pid" 2>/dev/null || true
    done
    for pid in "${pids[@]}"; do
        wait_for 5 pid_gone "$pid" || die 3 "pid $pid in $what does not exit"
    done
}

# Outside vbench-hx the hosts' and their guests' subnets must not go to this machine's default route: the root
# namespace gets "unreachable" routes for them while the hosts exist (a harness started in the wrong
# namespace then fails at once instead of sending traffic out).
HOSTS_GUARDED_SUBNETS=(10.231.0.0/16 192.168.160.0/20)
hosts_guard_routes() {
    local subnet
    for subnet in "${HOSTS_GUARDED_SUBNETS[@]}"; do ip route replace unreachable "$subnet"; done
}
hosts_unguard_routes() {
    local subnet
    for subnet in "${HOSTS_GUARDED_SUBNETS[@]}"; do
        if ip route show type unreachable "$subnet" | grep . >/dev/null; then ip route del unreachable "$subnet"; fi
    done
}

harness_ns_up() {
    [[ -e /run/netns/$HOSTS_HARNESS_NS ]] || ip netns add "$HOSTS_HARNESS_NS"
    ip -n "$HOSTS_HARNESS_NS" link set lo up
}

# host_link_up I: the veth pair hx:hI <-> hI:hx and the addresses.
host_link_up() {
    local i=$1 ns
    ns=$(host_ns "$i")
    [[ -e /run/netns/$ns ]] || ip netns add "$ns"
    ip -n "$ns" link set lo up
    if ! ip -n "$HOSTS_HARNESS_NS" link show "h$i" >/dev/null 2>&1; then
        ip -n "$HOSTS_HARNESS_NS" link add "h$i" type veth peer name hx netns "$ns"
    fi
    ip -n "$HOSTS_HARNESS_NS" addr replace "$(harness_addr "$i")/24" dev "h$i"
    ip -n "$ns" addr replace "$(host_addr "$i")/24" dev hx
    ip -n "$HOSTS_HARNESS_NS" link set "h$i" up
    ip -n "$ns" link set hx up
    log "    $HOSTS_HARNESS_NS h$i $(harness_addr "$i")/24 <-> $ns hx $(host_addr "$i")/24"
}

# hosts_run_private: $HOSTS_RUN as a private mount of its own (a persistent mount namespace file must not
# live on a shared mount, and must not propagate into other namespaces).
hosts_run_private() {
    install -d -m 0755 "$HOSTS_RUN"
    if ! mountpoint -q "$HOSTS_RUN"; then
        mount --bind "$HOSTS_RUN" "$HOSTS_RUN"
    fi
    mount --make-private "$HOSTS_RUN"
}

# host_private_dirs I: the directories host I's mount namespace puts over the shared ones.
host_private_dirs() {
    local i=$1 dir target sub
    dir=$(host_dir "$i")
    install -d -m 0755 "$dir"
    while read -r target sub; do
        [[ -d $target ]] || install -d -m 0755 "$target"    # a mount point must exist on the shared side
        install -d -m "$(stat -c %a "$target")" "$dir/$sub"
    done < <(host_mounts)
    chmod 1777 "$dir/tmp"
    # /etc/libvirt: the configuration, without the definitions of the local lab's libvirtd
    cp -a /etc/libvirt/. "$dir/libvirt-etc/"
    rm -rf -- "$dir/libvirt-etc/qemu" "$dir/libvirt-etc/storage" "$dir/libvirt-etc/secrets"
    install -d -m 0755 "$dir/libvirt-etc/qemu/networks/autostart" "$dir/libvirt-etc/storage/autostart"
    install -d -m 0700 "$dir/libvirt-etc/secrets"
}

# host_mount_ns I: the persistent mount namespace of host I, with sysfs of its network namespace, a fresh /run
# and the private directories; and its UTS namespace (host name vbench-hI).
host_mount_ns() {
    local i=$1 mnt dir target sub
    mnt=$(host_mnt "$i")
    dir=$(host_dir "$i")
    install -d -m 0755 "$(dirname "$mnt")"
    # unshare's bind of the new namespace failed once here with EINVAL (not reproduced in 30 tries): try again
    local try
    for try in 1 2 3; do
        : > "$mnt"
        : > "$(host_uts "$i")"
        if nsenter --net="/run/netns/$(host_ns "$i")" unshare --mount="$mnt" --uts="$(host_uts "$i")" \
            --propagation private hostname "$(host_ns "$i")"; then
            break
        fi
        (( try < 3 )) || die 3 "could not create the mount and UTS namespaces of host $i (unshare failed 3 times)"
        log "    unshare failed (attempt $try of 3); trying again"
        umount "$mnt" 2>/dev/null || true
        umount "$(host_uts "$i")" 2>/dev/null || true
        sleep 1
    done
    # what the copy of the shared mounts holds under /run (other namespaces' files) is let go, /run is new
    host_exec "$i" findmnt -rn -o TARGET | awk '$1 ~ "^/run/"' | sort -r | while read -r target; do
        host_exec "$i" umount -l "$target"
    done
    host_exec "$i" mount -t tmpfs -o mode=0755,nosuid,nodev tmpfs /run
    host_exec "$i" install -d -m 0755 /run/libvirt /run/sshd
    host_exec "$i" umount -l /sys
    host_exec "$i" mount -t sysfs -o nosuid,nodev,noexec sysfs /sys
    while read -r target sub; do
        host_exec "$i" mount --bind "$dir/$sub" "$target"
    done < <(host_mounts)
    log "    mount namespace $mnt: private /run, /sys, $(host_mounts | awk '{ print $1 }' | tr '\n' ' ')"
}

# host_sshd I: its own host key, sshd_config and authorized key (the lab key); sshd on 10.231.I.2:22.
host_sshd() {
    local i=$1 dir
    dir=$(host_dir "$i")/ssh
    install -d -m 0700 "$dir"
    [[ -f $dir/ssh_host_ed25519_key ]] \
        || ssh-keygen -q -t ed25519 -N '' -C "vbench-h$i" -f "$dir/ssh_host_ed25519_key"
    install -m 0600 "$VBENCH_SSH_KEY.pub" "$dir/authorized_keys"
    cat > "$dir/sshd_config" <<EOF
# sshd of emulated host $i (scripts/hosts)
ListenAddress $(host_addr "$i"):22
HostKey $dir/ssh_host_ed25519_key
PidFile $(host_dir "$i")/sshd.pid
AuthorizedKeysFile $dir/authorized_keys
PermitRootLogin prohibit-password
PubkeyAuthentication yes
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
UseDNS no
X11Forwarding no
AllowTcpForwarding yes
Subsystem sftp internal-sftp
EOF
    host_exec "$i" /usr/sbin/sshd -t -f "$dir/sshd_config" || die 3 "sshd_config of host $i is invalid"
    if ! daemon_pid sshd "$(host_dir "$i")/sshd.pid" >/dev/null; then
        host_exec "$i" /usr/sbin/sshd -f "$dir/sshd_config" -E "$(host_dir "$i")/sshd.log"
    fi
    wait_for 10 daemon_pid sshd "$(host_dir "$i")/sshd.pid" >/dev/null || die 3 "sshd of host $i did not start"
}

# host_daemon I NAME: virtlogd or libvirtd in host I's namespaces.
host_daemon() {
    local i=$1 name=$2 pidfile
    pidfile=$(host_dir "$i")/$name.pid
    daemon_pid "$name" "$pidfile" >/dev/null || host_exec "$i" "$name" -d -p "$pidfile"
    wait_for 20 daemon_pid "$name" "$pidfile" >/dev/null || die 3 "$name of host $i did not start"
}

# host_network I: libvirt network "vbench" of host I, the lab's shape (network.sh), 192.168.(160+I).0/24.
host_network() {
    (
        local i=$1 net=$(( 160 + $1 ))
        VBENCH_NS=$(host_ns "$i")
        VBENCH_NET_ADDR=192.168.$net.1
        VBENCH_DHCP_START=192.168.$net.10
        VBENCH_DHCP_END=192.168.$net.250
        # shellcheck disable=SC2317  # called by network.sh
        vsh() { host_virsh "$i" "$@"; }
        # shellcheck disable=SC2317
        in_ns() { host_exec "$i" "$@"; }
        network_up
    )
}

# known_hosts_write: the host keys of all hosts that have one, for the harness's ssh.
known_hosts_write() {
    local i tmp
    tmp=$(mktemp "$HOSTS_HOME/known_hosts.XXXXXX")
    for i in $(hosts_present); do
        [[ -f $(host_dir "$i")/ssh/ssh_host_ed25519_key.pub ]] || continue
        printf '%s %s\n' "$(host_addr "$i")" "$(cut -d' ' -f1,2 "$(host_dir "$i")/ssh/ssh_host_ed25519_key.pub")"
    done > "$tmp"
    chmod 0644 "$tmp"
    mv -f "$tmp" "$HOSTS_KNOWN_HOSTS"
    cat > "$HOSTS_SSH" <<EOF
#!/bin/sh
# The ssh that libvirt's qemu+ssh transport runs for the emulated hosts (scripts/hosts): no configuration
# file, only the hosts' known_hosts, strict host key checking, only the key given with -i.
exec ssh -F none -o UserKnownHostsFile=$HOSTS_KNOWN_HOSTS -o GlobalKnownHostsFile=none \\
    -o StrictHostKeyChecking=yes -o IdentitiesOnly=yes -o BatchMode=yes "\$@"
EOF
    chmod 0755 "$HOSTS_SSH"
}

# host_healthy I: namespaces, daemons and network of host I are all there.
host_healthy() {
    local i=$1 name dir
    dir=$(host_dir "$i")
    host_ns_exists "$i" && host_mnt_live "$i" && host_uts_live "$i" || return 1
    ip -n "$HOSTS_HARNESS_NS" -br addr show dev "h$i" 2>/dev/null | grep "$(harness_addr "$i")/" >/dev/null || return 1
    for name in sshd virtlogd libvirtd; do daemon_pid "$name" "$dir/$name.pid" >/dev/null || return 1; done
    # shellcheck disable=SC2153  # VBENCH_NET is common.sh's
    timeout 10 nsenter --net="/run/netns/$(host_ns "$i")" --mount="$(host_mnt "$i")" --uts="$(host_uts "$i")" \
        virsh -q -c qemu:///system net-list --name 2>/dev/null | grep -x "$VBENCH_NET" >/dev/null
}

host_up() {
    local i=$1 t0
    t0=$(now_us)
    if host_healthy "$i"; then
        log "==> host $i already up"
        return 0
    fi
    if hosts_present | grep -x "$i" >/dev/null; then
        log "==> host $i is partly up (an interrupted up?): removing it first"
        host_down "$i"
    fi
    log "==> host $i ($(host_ns "$i"))"
    host_link_up "$i"
    host_private_dirs "$i"
    host_mount_ns "$i"
    host_sshd "$i"
    host_daemon "$i" virtlogd
    host_daemon "$i" libvirtd
    wait_for 30 host_virsh "$i" uri >/dev/null || die 3 "libvirtd of host $i does not answer"
    host_network "$i"
    log "    host $i up in $(seconds_since "$t0") s: $(host_uri "$i")"
}

# host_path_private I PATH: PATH (as host I sees it) lies in one of its private directories.
host_path_private() {
    local i=$1 path target _
    path=$(host_exec "$i" realpath -m "$2")
    while read -r target _; do
        [[ $path == "$target" || $path == "$target"/* ]] && return 0
    done < <(host_mounts; printf '/run -\n%s -\n' "$(host_dir "$i")")
    return 1
}

# host_libvirt_clean I: every domain, storage pool (volumes only where the pool is host I's own) and network.
host_libvirt_clean() {
    local i=$1 name vol target
    for name in $(host_virsh "$i" list --all --name); do
        host_virsh "$i" destroy "$name" >/dev/null 2>&1 || true
        host_virsh "$i" undefine --nvram "$name" >/dev/null 2>&1 || true
        log "    domain $name removed"
    done
    for name in $(host_virsh "$i" pool-list --all --name); do
        host_virsh "$i" pool-start "$name" >/dev/null 2>&1 || true
        target=$(host_virsh "$i" pool-dumpxml "$name" | xmllint --xpath 'string(/pool/target/path)' - 2>/dev/null || true)
        if [[ -n $target ]] && host_path_private "$i" "$target"; then
            for vol in $(host_virsh "$i" vol-list --pool "$name" | awk '{ print $1 }'); do
                host_virsh "$i" vol-delete --pool "$name" "$vol" >/dev/null
            done
            host_virsh "$i" pool-destroy "$name" >/dev/null 2>&1 || true
            host_virsh "$i" pool-delete "$name" >/dev/null 2>&1 || true
            log "    pool $name removed with its volumes ($target)"
        else
            host_virsh "$i" pool-destroy "$name" >/dev/null 2>&1 || true
            log "    pool $name removed; its volumes in ${target:-?} are not host $i's own directory: kept"
        fi
        host_virsh "$i" pool-undefine "$name" >/dev/null 2>&1 || true
    done
    for name in $(host_virsh "$i" net-list --all --name); do
        host_virsh "$i" net-destroy "$name" >/dev/null 2>&1 || true
        host_virsh "$i" net-undefine "$name" >/dev/null 2>&1 || true
        log "    network $name removed"
    done
}

host_down() {
    local i=$1 dir mnt ns
    dir=$(host_dir "$i")
    mnt=$(host_mnt "$i")
    ns=$(host_ns "$i")
    log "==> host $i down"
    if host_ns_exists "$i" && host_mnt_live "$i" && host_uts_live "$i" \
        && daemon_pid libvirtd "$dir/libvirtd.pid" >/dev/null \
        && timeout 10 nsenter --net="/run/netns/$ns" --mount="$mnt" --uts="$(host_uts "$i")" \
            virsh -q -c qemu:///system uri >/dev/null 2>&1; then
        host_libvirt_clean "$i"
    fi
    local name
    for name in libvirtd virtlogd sshd; do
        if daemon_pid "$name" "$dir/$name.pid" >/dev/null; then
            # shellcheck disable=SC2046
            kill_all "host $i" $(daemon_pid "$name" "$dir/$name.pid")
        fi
    done
    # whatever else runs there (qemu, dnsmasq, a shell): by network and by mount namespace
    if host_ns_exists "$i"; then
        # shellcheck disable=SC2046
        kill_all "$ns" $(pids_in_ns_of "/run/netns/$ns" net)
    fi
    if host_mnt_live "$i"; then
        # shellcheck disable=SC2046
        kill_all "mount namespace of host $i" $(pids_in_ns_of "$mnt" mnt)
        umount "$mnt"
    fi
    if host_uts_live "$i"; then umount "$(host_uts "$i")"; fi
    if [[ -e $mnt ]]; then rm -f -- "$mnt"; fi
    rm -f -- "$(host_uts "$i")"
    if [[ -d $HOSTS_RUN/h$i ]]; then rmdir -- "$HOSTS_RUN/h$i"; fi
    if host_ns_exists "$i"; then ip netns delete "$ns"; log "    namespace $ns deleted"; fi
    ip -n "$HOSTS_HARNESS_NS" link del "h$i" 2>/dev/null || true
    if [[ -d $dir ]]; then rm -rf --one-file-system -- "$dir"; fi
}

hosts_down_all() {
    local i
    for i in $(hosts_present); do host_down "$i"; done
    # daemons of an earlier incarnation of a host (a killed up, a pid file written over) whose namespaces are gone:
    # found by their own configuration and state under HOSTS_HOME
    # shellcheck disable=SC2046
    kill_all "strays of $HOSTS_HOME" $(pgrep -f -- "$HOSTS_HOME/h[0-9]" || true)
    if [[ -e /run/netns/$HOSTS_HARNESS_NS ]]; then
        # shellcheck disable=SC2046
        kill_all "$HOSTS_HARNESS_NS" $(pids_in_ns_of "/run/netns/$HOSTS_HARNESS_NS" net)
        ip netns delete "$HOSTS_HARNESS_NS"
        log "    namespace $HOSTS_HARNESS_NS deleted"
    fi
    hosts_unguard_routes
    if mountpoint -q "$HOSTS_RUN"; then umount "$HOSTS_RUN"; fi
    if [[ -d $HOSTS_RUN ]]; then rm -rf --one-file-system -- "$HOSTS_RUN"; fi
    if [[ -d $HOSTS_HOME ]]; then rm -rf --one-file-system -- "$HOSTS_HOME"; fi
}
