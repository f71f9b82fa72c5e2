# shellcheck shell=bash
# Open vSwitch in the lab namespace (`lab up --ovs`): ovsdb-server and ovs-vswitchd started by the lab, one bridge
# with the userspace datapath (datapath_type=netdev: this kind of host may lack the openvswitch kernel module),
# the host address VBENCH_OVS_ADDR on the bridge's internal port, a dnsmasq of the lab's for DHCP on it and the
# libvirt network VBENCH_OVS_NET over the bridge (<forward mode='bridge'/>, <virtualport type='openvswitch'/>).
# libvirt runs no dnsmasq for such a network; ours writes its leases with libvirt's own helper into the file
# libvirt reads a bridge's leases from (/var/lib/libvirt/dnsmasq/BRIDGE.status), so that libvirt reports a
# guest's address on it like on the lab's network (virsh domifaddr --source lease; the ARP source fails here:
# "wrong nlmsg len").
#
# The database is the lab's own ($VBENCH_HOME/ovs/conf.db); the socket is OVS's default
# (/run/openvswitch/db.sock) because libvirtd runs `ovs-vsctl` with default paths to plug a guest's tap into the
# bridge (<virtualport type='openvswitch'/>). Pid files, logs and the DHCP leases live in $VBENCH_RUN.

OVS_PACKAGES=(openvswitch-switch)
OVS_DIR=$VBENCH_HOME/ovs
OVS_DB=$OVS_DIR/conf.db
OVS_SCHEMA=/usr/share/openvswitch/vswitch.ovsschema
OVS_RUNDIR=/run/openvswitch
OVS_SOCK=$OVS_RUNDIR/db.sock
OVSDB_PIDFILE=$VBENCH_RUN/ovsdb-server.pid
VSWITCHD_PIDFILE=$VBENCH_RUN/ovs-vswitchd.pid
OVS_DNSMASQ_PIDFILE=$VBENCH_RUN/ovs-dnsmasq.pid
OVS_LEASE_HELPER=/usr/lib/libvirt/libvirt_leaseshelper
OVS_LEASES=/var/lib/libvirt/dnsmasq/$VBENCH_OVS_BRIDGE.status

# ovsv ARGS...: ovs-vsctl against the lab's ovsdb-server, with a timeout.
ovsv() { ovs-vsctl --timeout=10 --db="unix:$OVS_SOCK" "$@"; }

# ovs_foreign_db: true when something other than the lab's ovsdb-server owns the default socket.
ovs_foreign_db() {
    [[ -S $OVS_SOCK ]] && ! daemon_pid ovsdb-server "$OVSDB_PIDFILE" >/dev/null
}

# ovs_daemon_start NAME PIDFILE CMD...: start an OVS daemon (or dnsmasq) in the namespace unless it runs there.
ovs_daemon_start() {
    local name=$1 pidfile=$2; shift 2
    daemon_running_in_ns "$name" "$pidfile" && return 0
    in_ns "$@"
    pid=$(wait_for 20 daemon_pid "$name" "$pidfile") || die 3 "$name did not start (no live pid in $pidfile)"
    log "    started $name (pid $pid)"
}

# ovs_db_ensure: the lab's database, created from the installed schema or converted to it.
ovs_db_ensure() {
    install -d -m 0755 "$OVS_DIR"
    if [[ ! -f $OVS_DB ]]; then
        ovsdb-tool create "$OVS_DB" "$OVS_SCHEMA"
        log "    created $OVS_DB"
    elif [[ $(ovsdb-tool needs-conversion "$OVS_DB" "$OVS_SCHEMA") == yes ]]; then
        ovsdb-tool convert "$OVS_DB" "$OVS_SCHEMA"
        log "    converted $OVS_DB to the installed schema"
    fi
}

# ovs_dnsmasq_running: the lab's dnsmasq for the OVS bridge runs in the namespace.
ovs_dnsmasq_running() {
    local pid
    pid=$(daemon_pid dnsmasq "$OVS_DNSMASQ_PIDFILE") && pid_in_ns "$pid"
}

ovs_up() {
    step "Open vSwitch packages" packages_install "${OVS_PACKAGES[@]}"
    ns_exists || die 3 "namespace $VBENCH_NS does not exist (lab up first)"
    if ovs_foreign_db; then
        die 3 "$OVS_SOCK belongs to an ovsdb-server the lab did not start (stop the openvswitch-switch service)"
    fi
    install -d -m 0755 "$VBENCH_RUN" "$OVS_RUNDIR"
    step "ovsdb $OVS_DB" ovs_db_ensure
    step "ovsdb-server in $VBENCH_NS" ovs_daemon_start ovsdb-server "$OVSDB_PIDFILE" \
        ovsdb-server "$OVS_DB" --remote="punix:$OVS_SOCK" --pidfile="$OVSDB_PIDFILE" --detach --no-chdir \
        -vconsole:off --log-file="$VBENCH_RUN/ovsdb-server.log"
    ovsv --no-wait init
    step "ovs-vswitchd in $VBENCH_NS" ovs_daemon_start ovs-vswitchd "$VSWITCHD_PIDFILE" \
        ovs-vswitchd "unix:$OVS_SOCK" --pidfile="$VSWITCHD_PIDFILE" --detach --no-chdir \
        -vconsole:off --log-file="$VBENCH_RUN/ovs-vswitchd.log"
    step "OVS bridge $VBENCH_OVS_BRIDGE (datapath_type=netdev)" ovs_bridge_up
    step "dnsmasq for $VBENCH_OVS_BRIDGE" ovs_daemon_start dnsmasq "$OVS_DNSMASQ_PIDFILE" \
        env VIR_BRIDGE_NAME="$VBENCH_OVS_BRIDGE" dnsmasq --conf-file=/dev/null --port=0 --bind-interfaces --interface="$VBENCH_OVS_BRIDGE" \
        --except-interface=lo --dhcp-range="$VBENCH_OVS_DHCP_START,$VBENCH_OVS_DHCP_END,12h" --dhcp-option=3 \
        --leasefile-ro --dhcp-script="$OVS_LEASE_HELPER" --pid-file="$OVS_DNSMASQ_PIDFILE" --dhcp-authoritative
    step "libvirt network $VBENCH_OVS_NET" ovs_network_up
}

ovs_network_xml() {
    cat <<EOF
<network>
  <name>$VBENCH_OVS_NET</name>
  <forward mode='bridge'/>
  <bridge name='$VBENCH_OVS_BRIDGE'/>
  <virtualport type='openvswitch'/>
</network>
EOF
}


ovs_network_up() {
    local file got
    if network_defined "$VBENCH_OVS_NET"; then
        got=$(vsh net-dumpxml --inactive "$VBENCH_OVS_NET" | xmllint --xpath 'concat(/network/forward/@mode, " ",
                /network/bridge/@name, " ", /network/virtualport/@type)' -)
        if [[ $got != "bridge $VBENCH_OVS_BRIDGE openvswitch" ]]; then
            log "    network $VBENCH_OVS_NET differs from the lab's definition ($got); redefining it"
            network_remove "$VBENCH_OVS_NET"
        fi
    fi
    if ! network_defined "$VBENCH_OVS_NET"; then
        file=$(mktemp)
        ovs_network_xml > "$file"
        vsh net-define "$file" >/dev/null
        rm -f "$file"
        log "    defined network $VBENCH_OVS_NET"
    fi
    vsh net-autostart --disable "$VBENCH_OVS_NET" >/dev/null
    if network_active "$VBENCH_OVS_NET"; then
        log "    network $VBENCH_OVS_NET already active"
    else
        vsh net-start "$VBENCH_OVS_NET" >/dev/null
        log "    started network $VBENCH_OVS_NET (bridge $VBENCH_OVS_BRIDGE, openvswitch)"
    fi
}

ovs_bridge_up() {
    ovsv --may-exist add-br "$VBENCH_OVS_BRIDGE" -- set bridge "$VBENCH_OVS_BRIDGE" datapath_type=netdev
    wait_for 10 in_ns ip link show dev "$VBENCH_OVS_BRIDGE" >/dev/null 2>&1 \
        || die 3 "OVS did not create the internal port $VBENCH_OVS_BRIDGE in namespace $VBENCH_NS"
    in_ns ip addr replace "$VBENCH_OVS_ADDR/$VBENCH_OVS_PREFIX" dev "$VBENCH_OVS_BRIDGE"
    in_ns ip link set "$VBENCH_OVS_BRIDGE" up
    log "    bridge $VBENCH_OVS_BRIDGE $VBENCH_OVS_ADDR/$VBENCH_OVS_PREFIX in namespace $VBENCH_NS," \
        "DHCP $VBENCH_OVS_DHCP_START-$VBENCH_OVS_DHCP_END"
}

# ovs_down: the libvirt network (when libvirt answers), dnsmasq and its leases, the bridge, ovs-vswitchd,
# ovsdb-server and the lab's database; only what the lab started.
ovs_down() {
    if libvirt_answers; then
        step "libvirt network $VBENCH_OVS_NET" network_remove "$VBENCH_OVS_NET"
    fi
    step "dnsmasq for $VBENCH_OVS_BRIDGE" daemon_stop dnsmasq "$OVS_DNSMASQ_PIDFILE"
    rm -f "$OVS_LEASES"
    if daemon_pid ovsdb-server "$OVSDB_PIDFILE" >/dev/null && daemon_pid ovs-vswitchd "$VSWITCHD_PIDFILE" >/dev/null
    then
        step "OVS bridge $VBENCH_OVS_BRIDGE" ovsv --if-exists del-br "$VBENCH_OVS_BRIDGE"
    fi
    step "ovs-vswitchd" daemon_stop ovs-vswitchd "$VSWITCHD_PIDFILE"
    step "ovsdb-server" daemon_stop ovsdb-server "$OVSDB_PIDFILE"
    rm -f "$OVS_DB" "$OVS_DIR/.conf.db.~lock~"
    rmdir "$OVS_DIR" "$OVS_RUNDIR" 2>/dev/null || true
}

# ovs_status: status lines (scripts/lab's status_line) for the OVS daemons and the bridge.
ovs_status() {
    local name label pidfile pid
    for name in ovsdb-server ovs-vswitchd; do
        pidfile=$OVSDB_PIDFILE label=ovsdb
        [[ $name == ovs-vswitchd ]] && pidfile=$VSWITCHD_PIDFILE label=vswitchd
        if pid=$(daemon_pid "$name" "$pidfile") && pid_in_ns "$pid"; then
            status_line "$label" up "$name pid $pid in $VBENCH_NS"
        else
            status_line "$label" down "$name not running in $VBENCH_NS (lab up --ovs)"
        fi
    done
    if in_ns ip -br addr show dev "$VBENCH_OVS_BRIDGE" 2>/dev/null | grep -q "$VBENCH_OVS_ADDR/" \
       && ovs_dnsmasq_running && network_active "$VBENCH_OVS_NET" 2>/dev/null; then
        status_line ovs-net up \
            "$VBENCH_OVS_NET: OVS bridge $VBENCH_OVS_BRIDGE (netdev) $VBENCH_OVS_ADDR/$VBENCH_OVS_PREFIX, DHCP"
    else
        status_line ovs-net down "$VBENCH_OVS_NET (lab up --ovs)"
    fi
}
