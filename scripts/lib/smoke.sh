# shellcheck shell=bash
# `lab smoke`: boot throwaway clones of the default image at the same time and check what the harness
# relies on: a DHCP lease each (distinct addresses), SSH with the lab key against the pinned host key,
# fio and iperf3 present, the expected disk and NIC drivers, password login refused.
# Domains and overlays are removed at the end (also on failure); the lab stays up.

SMOKE_VCPUS=${VBENCH_SMOKE_VCPUS:-2}
SMOKE_MEMORY_MIB=${VBENCH_SMOKE_MEMORY_MIB:-1024}
SMOKE_TIMEOUT_S=${VBENCH_SMOKE_TIMEOUT_S:-300}
SMOKE_DOMAINS=()

# smoke_domain_xml NAME DISKBUS NIC MAC ROOT_OVERLAY DATA_OVERLAY
smoke_domain_xml() {
    local name=$1 bus=$2 nic=$3 mac=$4 root=$5 data=$6 dev1 dev2 controller=
    case $bus in
        virtio) dev1=vda; dev2=vdb ;;
        ide)    dev1=hda; dev2=hdb ;;
        sata)   dev1=sda; dev2=sdb ;;
        scsi)   dev1=sda; dev2=sdb; controller="<controller type='scsi' model='virtio-scsi'/>" ;;
        *) die 2 "unknown disk bus '$bus' (virtio, ide, sata, scsi)" ;;
    esac
    case $nic in
        virtio|e1000|rtl8139) ;;
        *) die 2 "unknown NIC model '$nic' (virtio, e1000, rtl8139)" ;;
    esac
    cat <<EOF
<domain type='qemu'>
  <name>$name</name>
  <memory unit='MiB'>$SMOKE_MEMORY_MIB</memory>
  <vcpu>$SMOKE_VCPUS</vcpu>
  <os>
    <type arch='x86_64' machine='pc'>hvm</type>
    <kernel>$IMAGE_DIR/vmlinuz</kernel>
    <initrd>$IMAGE_DIR/initrd.img</initrd>
    <cmdline>$(cat "$IMAGE_DIR/cmdline")</cmdline>
  </os>
  <features><acpi/></features>
  <clock offset='utc'/>
  <on_poweroff>destroy</on_poweroff>
  <on_reboot>restart</on_reboot>
  <on_crash>destroy</on_crash>
  <devices>
    $controller
    <disk type='file' device='disk'>
      <driver name='qemu' type='qcow2'/>
      <source file='$root'/>
      <target dev='$dev1' bus='$bus'/>
    </disk>
    <disk type='file' device='disk'>
      <driver name='qemu' type='qcow2'/>
      <source file='$data'/>
      <target dev='$dev2' bus='$bus'/>
    </disk>
    <interface type='network'>
      <source network='$VBENCH_NET'/>
      <mac address='$mac'/>
      <model type='$nic'/>
    </interface>
    <serial type='file'>
      <source path='$VBENCH_POOL/$name.console.log'/>
      <target port='0'/>
    </serial>
    <memballoon model='none'/>
  </devices>
</domain>
EOF
}

smoke_cleanup() {
    local name
    for name in "${SMOKE_DOMAINS[@]}"; do
        vsh destroy "$name" >/dev/null 2>&1 || true
        vsh undefine "$name" >/dev/null 2>&1 || true
        rm -f "$VBENCH_POOL/$name".*
        log "    removed $name and its overlays"
    done
    SMOKE_DOMAINS=()
}

# smoke_lease MAC: the leased IPv4 address of MAC, if any.
smoke_lease() {
    vsh net-dhcp-leases "$VBENCH_NET" --mac "$1" | awk '$4 == "ipv4" { sub(/\/.*/, "", $5); print $5; exit }' | grep .
}

# smoke_ssh KNOWN_HOSTS ADDR CMD...: SSH into a clone from inside the namespace, host key pinned.
smoke_ssh() {
    local known=$1 addr=$2; shift 2
    in_ns ssh -i "$VBENCH_SSH_KEY" -o IdentitiesOnly=yes -o BatchMode=yes -o ConnectTimeout=5 \
        -o StrictHostKeyChecking=yes -o UserKnownHostsFile="$known" -o LogLevel=ERROR "root@$addr" "$@"
}

# shellcheck disable=SC2016
SMOKE_REMOTE_REPORT='
echo "kernel $(uname -r)"
echo "root $(findmnt -no SOURCE /)"
for n in /sys/class/net/e*; do echo "nic ${n##*/} $(basename "$(readlink -f "$n/device/driver")")"; done
for b in /sys/block/*; do [ "$(cat "$b/size")" = 4194304 ] && echo "data_disk /dev/${b##*/}"; done
echo "machine_id $(cat /etc/machine-id)"
echo "fio $(command -v fio) $(fio --version)"
echo "iperf3 $(command -v iperf3) $(iperf3 --version | head -n 1)"
'

lab_smoke() {
    local pairs=("$@") i name bus nic mac addr known t0 pending ok=1
    (( ${#pairs[@]} )) || pairs=(virtio/virtio ide/e1000)
    image_ensure >/dev/null 2>&1
    trap 'smoke_cleanup' EXIT
    local -A MAC BUS NIC START LEASE_S SSH_S ADDR
    for i in "${!pairs[@]}"; do
        name=${VBENCH_DOMAIN_PREFIX}smoke-$((i + 1))
        bus=${pairs[i]%/*}; nic=${pairs[i]#*/}
        # a fresh MAC each run: dnsmasq keeps old leases (1 h), which would look like a new one
        mac=$(printf '52:54:00:%02x:%02x:%02x' $((RANDOM % 256)) $((RANDOM % 256)) $((i + 1)))
        SMOKE_DOMAINS+=("$name")
        MAC[$name]=$mac; BUS[$name]=$bus; NIC[$name]=$nic
        qemu-img create -q -f qcow2 -b "$IMAGE_DIR/disk.qcow2" -F qcow2 "$VBENCH_POOL/$name.qcow2"
        qemu-img create -q -f qcow2 -b "$IMAGE_DIR/data.raw" -F raw "$VBENCH_POOL/$name.data.qcow2"
        smoke_domain_xml "$name" "$bus" "$nic" "$mac" "$VBENCH_POOL/$name.qcow2" "$VBENCH_POOL/$name.data.qcow2" \
            > "$VBENCH_POOL/$name.xml"
        vsh define "$VBENCH_POOL/$name.xml" >/dev/null
        log "    defined $name: disk $bus, nic $nic, mac $mac, $SMOKE_VCPUS vCPU, $SMOKE_MEMORY_MIB MiB, TCG"
    done
    for name in "${SMOKE_DOMAINS[@]}"; do
        vsh start "$name" >/dev/null
        START[$name]=$(now_us)
        log "    started $name"
    done

    t0=$(now_us)
    pending=${#SMOKE_DOMAINS[@]}
    while (( pending > 0 )); do
        (( $(now_us) - t0 < SMOKE_TIMEOUT_S * 1000000 )) || die 3 "clones not reachable by SSH after $SMOKE_TIMEOUT_S s"
        for name in "${SMOKE_DOMAINS[@]}"; do
            [[ -z ${SSH_S[$name]:-} ]] || continue
            if [[ -z ${ADDR[$name]:-} ]]; then
                addr=$(smoke_lease "${MAC[$name]}") || continue
                ADDR[$name]=$addr
                LEASE_S[$name]=$(seconds_since "${START[$name]}")
                printf '%s %s\n' "$addr" "$(cut -d' ' -f1,2 "$IMAGE_DIR/host_key.pub")" > "$VBENCH_POOL/$name.known_hosts"
                log "    $name leased $addr after ${LEASE_S[$name]} s"
            fi
            if smoke_ssh "$VBENCH_POOL/$name.known_hosts" "${ADDR[$name]}" true 2>/dev/null; then
                SSH_S[$name]=$(seconds_since "${START[$name]}")
                log "    $name answers SSH after ${SSH_S[$name]} s"
                pending=$((pending - 1))
            fi
        done
        sleep 1
    done

    local report denied
    for name in "${SMOKE_DOMAINS[@]}"; do
        known=$VBENCH_POOL/$name.known_hosts
        addr=${ADDR[$name]}
        log "--- $name (${BUS[$name]}/${NIC[$name]}) at $addr"
        report=$(smoke_ssh "$known" "$addr" "$SMOKE_REMOTE_REPORT")
        printf '    %s\n' "${report//$'\n'/$'\n'    }" >&2
        grep -q '^fio /' <<<"$report" || { log "    FAIL: fio missing"; ok=0; }
        grep -q '^iperf3 /' <<<"$report" || { log "    FAIL: iperf3 missing"; ok=0; }
        grep -q '^data_disk ' <<<"$report" || { log "    FAIL: no 2 GiB data disk"; ok=0; }
        denied=$(in_ns ssh -o BatchMode=yes -o PubkeyAuthentication=no -o IdentitiesOnly=yes \
                     -o PreferredAuthentications=password,keyboard-interactive -o ConnectTimeout=5 \
                     -o StrictHostKeyChecking=yes -o UserKnownHostsFile="$known" "root@$addr" true 2>&1 || true)
        if grep -q 'Permission denied (publickey)' <<<"$denied"; then
            log "    password login refused: $denied"
        else
            log "    FAIL: password login not refused as expected: $denied"; ok=0
        fi
    done
    if (( ${#SMOKE_DOMAINS[@]} > 1 )); then
        local distinct
        distinct=$(for name in "${SMOKE_DOMAINS[@]}"; do echo "${ADDR[$name]}"; done | sort -u | wc -l)
        if (( distinct == ${#SMOKE_DOMAINS[@]} )); then
            log "--- $distinct clones, $distinct distinct addresses"
        else
            log "--- FAIL: clones share addresses"; ok=0
        fi
    fi
    log "--- timings (from virsh start, ${#SMOKE_DOMAINS[@]} clone(s) booting at once)"
    for name in "${SMOKE_DOMAINS[@]}"; do
        log "    $name ${BUS[$name]}/${NIC[$name]}: lease ${LEASE_S[$name]} s, SSH ${SSH_S[$name]} s"
    done
    smoke_cleanup
    trap - EXIT
    (( ok )) || die 1 "smoke test failed"
    log "smoke test passed"
}
