# shellcheck shell=bash
# The isolated libvirt network of the lab, created through the in-namespace libvirtd.

network_xml() {
    cat <<EOF
<network>
  <name>$VBENCH_NET</name>
  <bridge name='$VBENCH_BRIDGE' stp='off' delay='0'/>
  <dns enable='no'/>
  <ip address='$VBENCH_NET_ADDR' prefix='$VBENCH_NET_PREFIX'>
    <dhcp>
      <range start='$VBENCH_DHCP_START' end='$VBENCH_DHCP_END'/>
    </dhcp>
  </ip>
</network>
EOF
}

# network_defined [NAME] / network_active [NAME]: the lab network (or NAME) is defined / active. grep reads the
# whole list (no -q): an early exit would break virsh's pipe.
network_defined() { vsh net-list --all --name | grep -x "${1:-$VBENCH_NET}" >/dev/null; }
network_active() { vsh net-list --name | grep -x "${1:-$VBENCH_NET}" >/dev/null; }

# network_matches: the defined network has our bridge, address, DHCP range and no <forward>.
network_matches() {
    local xml want got
    xml=$(vsh net-dumpxml --inactive "$VBENCH_NET")
    want="$VBENCH_BRIDGE $VBENCH_NET_ADDR $VBENCH_DHCP_START $VBENCH_DHCP_END 0"
    got=$(xmllint --xpath 'concat(/network/bridge/@name, " ", /network/ip/@address, " ",
            /network/ip/dhcp/range/@start, " ", /network/ip/dhcp/range/@end, " ", count(/network/forward))' - <<<"$xml")
    [[ $got == "$want" ]]
}

network_up() {
    if network_defined && ! network_matches; then
        log "    network $VBENCH_NET differs from the lab's definition; redefining it"
        network_remove "$VBENCH_NET"
    fi
    if ! network_defined; then
        network_xml | vsh net-define /dev/stdin >/dev/null
        log "    defined network $VBENCH_NET"
    fi
    vsh net-autostart --disable "$VBENCH_NET" >/dev/null
    if network_active; then
        log "    network $VBENCH_NET already active"
    else
        vsh net-start "$VBENCH_NET" >/dev/null
        log "    started network $VBENCH_NET"
    fi
    in_ns ip -br addr show dev "$VBENCH_BRIDGE" | grep -q "$VBENCH_NET_ADDR/$VBENCH_NET_PREFIX" \
        || die 3 "bridge $VBENCH_BRIDGE with $VBENCH_NET_ADDR/$VBENCH_NET_PREFIX is not in namespace $VBENCH_NS"
    log "    bridge $VBENCH_BRIDGE $VBENCH_NET_ADDR/$VBENCH_NET_PREFIX in namespace $VBENCH_NS," \
        "DHCP $VBENCH_DHCP_START-$VBENCH_DHCP_END"
}

# network_remove [NAME]: destroy and undefine the lab network (or NAME) when it exists.
network_remove() {
    local net=${1:-$VBENCH_NET}
    if network_active "$net"; then
        vsh net-destroy "$net" >/dev/null
        log "    destroyed network $net"
    fi
    if network_defined "$net"; then
        vsh net-undefine "$net" >/dev/null
        log "    undefined network $net"
    fi
    return 0
}

# networks_stop_others: any other network our daemon started lives in the namespace too; stop it so
# that no dnsmasq outlives libvirtd.
networks_stop_others() {
    local net
    for net in $(vsh net-list --name); do
        [[ $net == "$VBENCH_NET" ]] && continue
        vsh net-destroy "$net" >/dev/null
        log "    destroyed network $net (started by the lab's libvirtd)"
    done
}
