# shellcheck shell=bash
# shellcheck disable=SC2034  # IMAGE_DIR is the result of image_ensure
# The default guest image: a Debian minbase system built with debootstrap, booted by direct kernel boot.
#
# The recipe hash covers this file, image-packages.txt, lab.properties (data-disk size, guest drivers), the
# durability writer's source (vbench-durable.c) and the lab public key: any change to one of them
# builds a new image directory; an unchanged recipe reuses the cached one at once.
#
# Result: $VBENCH_IMAGES/<hash>/ with disk.qcow2 vmlinuz initrd.img host_key.pub data.raw cmdline image.json
# (plus build.log), mode 0640 in a directory of mode 0750, group QEMU's; and the symlink
# $VBENCH_IMAGES/default -> <hash>.

IMAGE_SUITE=bookworm
IMAGE_PACKAGES_FILE=$VBENCH_SCRIPTS/lib/image-packages.txt
# The durability workload (issue 13): compiled on the host (same Debian suite, static), installed in the guest.
IMAGE_DURABLE_SOURCE=$VBENCH_SCRIPTS/lib/vbench-durable.c
IMAGE_DURABLE_BIN=/usr/local/bin/vbench-durable
IMAGE_DISK_SIZE=3G
IMAGE_DATA_MIB=$(lab_fact data_disk_mib)
# quiet + loglevel=3: little serial output (slow under TCG); mitigations=off: cheaper emulation;
# fsck.mode=skip and rw: no fsck, no remount of the root fs.
IMAGE_CMDLINE="root=LABEL=root console=ttyS0 rw quiet loglevel=3 mitigations=off fsck.mode=skip"
# The image's files by role, written into image.json's "files" (the Java reads the names from there).
declare -A IMAGE_FILE=([disk]=disk.qcow2 [kernel]=vmlinuz [initrd]=initrd.img [cmdline]=cmdline
                       [host_key]=host_key.pub [data]=data.raw)
IMAGE_FILES=("${IMAGE_FILE[@]}" image.json)
# Drivers the variants need (lab.properties): the root disk on every bus, and every NIC model.
mapfile -t IMAGE_INITRD_MODULES < <(sed -n 's/^driver\.disk\.[^=]*=//p' "$VBENCH_LAB_FACTS"; lab_fact initrd.extra | tr ' ' '\n')
mapfile -t IMAGE_KERNEL_MODULES < <(sed -n 's/^driver\.nic\.[^=]*=//p' "$VBENCH_LAB_FACTS")
# Units that only slow down a throwaway guest (and may add I/O noise during a measurement).
IMAGE_MASKED_UNITS=(
    systemd-networkd-wait-online.service systemd-firstboot.service
    apt-daily.timer apt-daily-upgrade.timer apt-daily.service apt-daily-upgrade.service
    dpkg-db-backup.timer dpkg-db-backup.service e2scrub_all.timer e2scrub_reap.service
    fstrim.timer man-db.timer systemd-pstore.service getty@tty1.service
)

# ssh_key_ensure: the lab SSH key pair, created once (a cache, kept by `lab down`).
ssh_key_ensure() {
    install -d -m 0700 "$(dirname "$VBENCH_SSH_KEY")"
    if [[ ! -f $VBENCH_SSH_KEY ]]; then
        log "    creating lab key $VBENCH_SSH_KEY"
        ssh-keygen -q -t ed25519 -N '' -C vbench-lab -f "$VBENCH_SSH_KEY"
    elif [[ ! -f $VBENCH_SSH_KEY.pub ]]; then
        ssh-keygen -y -f "$VBENCH_SSH_KEY" > "$VBENCH_SSH_KEY.pub"
    else
        log "    lab key exists: $VBENCH_SSH_KEY"
    fi
    chmod 0600 "$VBENCH_SSH_KEY"
    chmod 0644 "$VBENCH_SSH_KEY.pub"
}

# image_recipe_hash: 16 hex digits over the recipe (this file, the package list, the lab facts, the durability
# writer's source, the lab public key).
image_recipe_hash() {
    cat "${BASH_SOURCE[0]}" "$IMAGE_PACKAGES_FILE" "$VBENCH_LAB_FACTS" "$IMAGE_DURABLE_SOURCE" "$VBENCH_SSH_KEY.pub" \
        | sha256sum | cut -c1-16
}

image_packages() { grep -v '^[[:space:]]*\(#\|$\)' "$IMAGE_PACKAGES_FILE"; }

# debian_mirror: the Debian mirror apt uses on this host (VBENCH_MIRROR overrides).
debian_mirror() {
    local uri=${VBENCH_MIRROR:-}
    if [[ -z $uri ]]; then
        uri=$(awk '/^URIs:/ { for (i = 2; i <= NF; i++) if ($i ~ /\/debian\/?$/) { print $i; exit } }' \
                  /etc/apt/sources.list.d/*.sources 2>/dev/null || true)
    fi
    if [[ -z $uri ]]; then
        uri=$(awk '$1 == "deb" { for (i = 2; i <= NF; i++) if ($i ~ /^https?:.*\/debian\/?$/) { print $i; exit } }' \
                  /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null || true)
    fi
    printf '%s\n' "${uri:-http://deb.debian.org/debian}"
}

image_complete() {
    local dir=$1 f
    for f in "${IMAGE_FILES[@]}"; do [[ -s $dir/$f ]] || return 1; done
}

# image_qemu_group: the group QEMU runs as under libvirt: qemu.conf's `group`, else Debian's default.
image_qemu_group() {
    local group
    group=$(sed -n 's/^[[:space:]]*group[[:space:]]*=[[:space:]]*"\([^"]*\)".*/\1/p' /etc/libvirt/qemu.conf \
                2>/dev/null | tail -n 1)
    printf '%s\n' "${group:-libvirt-qemu}"
}

# image_restrict_modes DIR: the image's files 0640 and DIR 0750, group QEMU's: disk.qcow2 holds the guests'
# shared SSH host key, so only root and QEMU may read them (libvirt may chown a file to QEMU's user while a
# guest uses it; the modes stay). Idempotent: `lab up` repairs an image built world-readable.
image_restrict_modes() {
    local dir=$1 group
    group=$(image_qemu_group)
    getent group "$group" >/dev/null \
        || die 3 "group $group (QEMU's under libvirt) does not exist; install libvirt-daemon-system"
    find "$dir" -maxdepth 1 -type f -exec chgrp "$group" {} + -exec chmod 0640 {} +
    chgrp "$group" "$dir"
    chmod 0750 "$dir"
}

# image_link_default HASH: point $VBENCH_IMAGES/default at HASH (atomic rename of a new link).
image_link_default() {
    ln -sfn "$1" "$VBENCH_IMAGES/.default.new"
    mv -T "$VBENCH_IMAGES/.default.new" "$VBENCH_IMAGES/default"
}

# image_ensure: build the image unless the current recipe is cached; sets IMAGE_DIR.
image_ensure() {
    local hash final lock
    hash=$(image_recipe_hash)
    final=$VBENCH_IMAGES/$hash
    install -d -m 0755 "$VBENCH_HOME" "$VBENCH_IMAGES"
    if ! image_complete "$final"; then
        exec {lock}>"$VBENCH_IMAGES/.lock"
        if ! flock -n "$lock"; then
            log "    another build holds $VBENCH_IMAGES/.lock; waiting"
            flock "$lock"
        fi
        if ! image_complete "$final"; then
            image_remove_stale_builds
            image_build "$hash" "$final"
            image_remove_other_recipes "$hash"
        fi
        exec {lock}>&-
    else
        log "    recipe $hash is cached"
    fi
    image_restrict_modes "$final"
    image_link_default "$hash"
    IMAGE_DIR=$final
}

# Leftovers of interrupted builds (only called while holding the build lock).
image_remove_stale_builds() {
    local d
    for d in "$VBENCH_IMAGES"/.build-*; do
        [[ -d $d ]] || continue
        log "    removing interrupted build $d"
        image_unmount_under "$d"
        rm -rf --one-file-system "$d"
    done
}

# image_remove_other_recipes HASH: images of older recipes are 3 GiB each and no longer used.
image_remove_other_recipes() {
    local d
    for d in "$VBENCH_IMAGES"/*/; do
        d=${d%/}
        [[ -L $d || ${d##*/} == "$1" ]] && continue
        log "    removing the image of an older recipe: $d"
        rm -rf --one-file-system "$d"
    done
}

# image_unmount_under DIR: unmount anything (proc, sys, dev binds of debootstrap) mounted below DIR.
image_unmount_under() {
    local dir mnt
    dir=$(realpath "$1")
    while read -r mnt; do
        [[ -n $mnt ]] && umount -l "$mnt"
    done < <(findmnt -rn -o TARGET | grep -F "$dir/" | sort -r)
}

# image_build HASH FINAL: build into a temporary directory, then rename it to FINAL.
image_build() {
    local hash=$1 final=$2 tmp t0
    t0=$(now_us)
    tmp=$(mktemp -d "$VBENCH_IMAGES/.build-$hash.XXXXXX")
    # The subshell confines the cleanup trap to the build. It must not run as an `if`/`||` condition:
    # bash would ignore `set -e` inside it.
    local rc
    set +e
    (
        set -e
        trap 'image_unmount_under "$tmp"' EXIT
        trap 'exit 130' INT
        trap 'exit 143' TERM
        image_build_steps "$hash" "$tmp" "$t0"
    )
    rc=$?
    set -e
    if (( rc != 0 )); then
        cp -f "$tmp/build.log" "$VBENCH_IMAGES/failed-build.log" 2>/dev/null || true
        image_unmount_under "$tmp"
        rm -rf --one-file-system "$tmp"
        (( rc < 128 )) || die "$rc" "image build interrupted; nothing was kept"
        die 3 "image build failed; log: $VBENCH_IMAGES/failed-build.log"
    fi
    mv -T "$tmp" "$final"
    log "    built $final in $(seconds_since "$t0") s"
}

image_build_steps() {
    local hash=$1 tmp=$2 t0=$3 root=$2/root mirror kver
    mirror=$(debian_mirror)
    step "debootstrap $IMAGE_SUITE from $mirror (log: build.log)" image_debootstrap "$root" "$mirror" "$tmp/build.log"
    step "configure the guest system" image_configure "$root"
    step "install the guest host key" image_host_key "$root" "$tmp/${IMAGE_FILE[host_key]}"
    step "compile and install $IMAGE_DURABLE_BIN" image_install_durable "$root"
    kver=$(image_kernel_version "$root")
    step "check drivers and sshd config of kernel $kver" image_verify "$root" "$kver"
    cp "$root/boot/vmlinuz-$kver" "$tmp/${IMAGE_FILE[kernel]}"
    cp "$root/boot/initrd.img-$kver" "$tmp/${IMAGE_FILE[initrd]}"
    image_write_package_list "$root" > "$tmp/packages.tsv"
    step "trim caches from the root tree" image_trim "$root"
    step "mkfs.ext4 -d (${IMAGE_DISK_SIZE}) and qemu-img convert -O qcow2" image_make_disk "$root" "$tmp"
    rm -rf --one-file-system "$root"
    step "fill ${IMAGE_FILE[data]} with ${IMAGE_DATA_MIB} MiB of random data" image_make_data "$tmp/${IMAGE_FILE[data]}"
    printf '%s\n' "$IMAGE_CMDLINE" > "$tmp/${IMAGE_FILE[cmdline]}"
    image_write_json "$hash" "$kver" "$mirror" "$tmp" "$t0" > "$tmp/image.json.new"
    rm -f "$tmp/packages.tsv"
    image_restrict_modes "$tmp"
    mv "$tmp/image.json.new" "$tmp/image.json"
}

image_debootstrap() {
    local root=$1 mirror=$2 logfile=$3 cache=$VBENCH_HOME/cache/debootstrap
    install -d -m 0755 "$cache"
    if ! debootstrap --variant=minbase --include="$(image_packages | paste -sd,)" --cache-dir="$cache" \
            "$IMAGE_SUITE" "$root" "$mirror" >"$logfile" 2>&1; then
        tail -n 20 "$logfile" >&2
        return 1
    fi
    image_unmount_under "$root"
}

image_configure() {
    local root=$1 unit
    echo vbench-guest > "$root/etc/hostname"
    printf '127.0.0.1\tlocalhost\n127.0.1.1\tvbench-guest\n::1\t\tlocalhost ip6-localhost ip6-loopback\n' \
        > "$root/etc/hosts"
    # no fsck pass: a throwaway clone of a clean file system
    printf 'LABEL=root\t/\text4\tdefaults,noatime\t0\t0\n' > "$root/etc/fstab"
    # Empty machine-id: every clone generates its own at boot (else all clones share one DHCP DUID).
    : > "$root/etc/machine-id"
    rm -f "$root/var/lib/dbus/machine-id"
    # debootstrap copied the build host's resolver config; the guest has no DNS.
    : > "$root/etc/resolv.conf"

    install -d -m 0755 "$root/etc/systemd/network"
    cat > "$root/etc/systemd/network/50-vbench-dhcp.network" <<'NET'
[Match]
Name=e*

[Network]
DHCP=ipv4

[DHCPv4]
ClientIdentifier=mac
NET
    systemctl --root="$root" --quiet enable systemd-networkd.service ssh.service serial-getty@ttyS0.service
    for unit in "${IMAGE_MASKED_UNITS[@]}"; do
        if [[ -e $root/lib/systemd/system/$unit || -e $root/usr/lib/systemd/system/$unit \
              || $unit == getty@tty1.service ]]; then
            systemctl --root="$root" --quiet mask "$unit"
        fi
    done
    # Journal in memory only: no background writes to the disk under test.
    install -d -m 0755 "$root/etc/systemd/journald.conf.d"
    printf '[Journal]\nStorage=volatile\nRuntimeMaxUse=16M\n' > "$root/etc/systemd/journald.conf.d/vbench.conf"

    chroot "$root" passwd --quiet --lock root
    install -d -m 0700 "$root/root/.ssh"
    install -m 0600 "$VBENCH_SSH_KEY.pub" "$root/root/.ssh/authorized_keys"

    # sshd reads the first value of each keyword; the drop-in is included before the defaults.
    cat > "$root/etc/ssh/sshd_config.d/vbench.conf" <<'SSHD'
HostKey /etc/ssh/ssh_host_ed25519_key
PasswordAuthentication no
KbdInteractiveAuthentication no
PermitRootLogin prohibit-password
PubkeyAuthentication yes
UseDNS no
SSHD
}

# image_host_key ROOT PUBOUT: one ed25519 host key for every clone, its public half kept next to the image.
image_host_key() {
    local root=$1 pubout=$2
    rm -f "$root"/etc/ssh/ssh_host_*
    ssh-keygen -q -t ed25519 -N '' -C vbench-guest -f "$root/etc/ssh/ssh_host_ed25519_key"
    chmod 0600 "$root/etc/ssh/ssh_host_ed25519_key"
    cp "$root/etc/ssh/ssh_host_ed25519_key.pub" "$pubout"
    log "    $(ssh-keygen -l -f "$pubout")"
}

# image_install_durable ROOT: compile the durability writer on the host (static: it needs nothing from the
# guest's libc) into ROOT, then run it inside ROOT once: it must write two records and acknowledge both.
image_install_durable() {
    local root=$1 bin=$1$IMAGE_DURABLE_BIN out
    install -d -m 0755 "$(dirname "$bin")"
    gcc -std=c99 -O2 -Wall -Wextra -Werror -static -o "$bin" "$IMAGE_DURABLE_SOURCE"
    chmod 0755 "$bin"
    rm -f "$root/tmp/vbench-durable.check"
    out=$(chroot "$root" "$IMAGE_DURABLE_BIN" --target /tmp/vbench-durable.check --mode sync --nonce 1 \
              --records 2 --create)
    rm -f "$root/tmp/vbench-durable.check"
    [[ $out == $'start\nwrite 0\nack 0\nwrite 1\nack 1' ]] || { log "    $IMAGE_DURABLE_BIN printed: ${out//$'\n'/ | }"; return 1; }
    log "    $IMAGE_DURABLE_BIN: $(stat -c %s "$bin") bytes, wrote and acknowledged 2 records in the guest tree"
}

image_kernel_version() {
    local versions
    versions=$(ls "$1/lib/modules")
    [[ $(wc -w <<<"$versions") -eq 1 ]] || { log "expected one guest kernel, found: $versions"; return 1; }
    printf '%s\n' "$versions"
}

# image_verify ROOT KVER: the initrd can mount root on every disk bus, every NIC has a driver,
# and sshd's effective config is what the lab relies on.
image_verify() {
    local root=$1 kver=$2 initrd_list m missing=() line
    initrd_list=$(chroot "$root" lsinitramfs "/boot/initrd.img-$kver")
    for m in "${IMAGE_INITRD_MODULES[@]}"; do
        if ! grep -Eq "/${m}\.ko(\.[a-z]+)?$" <<<"$initrd_list" \
           && ! grep -Eq "/${m}\.ko$" "$root/lib/modules/$kver/modules.builtin"; then
            missing+=("initrd:$m")
        fi
    done
    for m in "${IMAGE_KERNEL_MODULES[@]}"; do
        if ! grep -Eq "/${m}\.ko(\.[a-z]+)?:" "$root/lib/modules/$kver/modules.dep" \
           && ! grep -Eq "/${m}\.ko$" "$root/lib/modules/$kver/modules.builtin"; then
            missing+=("kernel:$m")
        fi
    done
    (( ${#missing[@]} == 0 )) || { log "    missing drivers: ${missing[*]}"; return 1; }
    log "    initrd has ${IMAGE_INITRD_MODULES[*]}; kernel has ${IMAGE_KERNEL_MODULES[*]}"

    mkdir -p "$root/run/sshd"
    local effective
    effective=$(chroot "$root" /usr/sbin/sshd -T -C user=root,host=lab,addr=192.0.2.1)
    rm -rf "$root/run/sshd"
    for line in 'passwordauthentication no' 'kbdinteractiveauthentication no' \
                'permitrootlogin without-password' 'usedns no' 'hostkey /etc/ssh/ssh_host_ed25519_key'; do
        grep -qx "$line" <<<"$effective" || { log "    sshd -T lacks: $line"; return 1; }
    done
    [[ $(grep -c '^hostkey ' <<<"$effective") -eq 1 ]] || { log "    sshd has more than one host key"; return 1; }
    log "    sshd -T: password and keyboard-interactive off, root by key only, one ed25519 host key"
}

image_write_package_list() {
    dpkg-query --admindir="$1/var/lib/dpkg" -W -f='${db:Status-Status}\t${Package}\t${Version}\n' \
        | awk -F'\t' '$1 == "installed" { print $2 "\t" $3 }' | sort
}

image_trim() {
    local root=$1
    rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/cache/apt/*.bin "$root"/var/lib/apt/lists/*
    rm -rf "$root"/tmp/* "$root"/var/tmp/* "$root"/var/log/*.log
}

image_make_disk() {
    local root=$1 out=$2
    rm -f "$out/disk.raw"
    truncate -s "$IMAGE_DISK_SIZE" "$out/disk.raw"
    mkfs.ext4 -q -F -L root -d "$root" "$out/disk.raw"
    qemu-img convert -O qcow2 "$out/disk.raw" "$out/${IMAGE_FILE[disk]}"
    rm -f "$out/disk.raw"
    log "    ${IMAGE_FILE[disk]}: $(du -h "$out/${IMAGE_FILE[disk]}" | cut -f1)"
}

image_make_data() {
    dd if=/dev/urandom of="$1" bs=1M count="$IMAGE_DATA_MIB" iflag=fullblock status=none
}

# image_write_json HASH KVER MIRROR DIR START_US: image.json, the image's self-description and the contract
# with the Java (dev.vbench.bench.run.ImageLayout): its files by role, the data-disk size, the guest kernel.
image_write_json() {
    local hash=$1 kver=$2 mirror=$3 dir=$4 t0=$5 role files=()
    for role in "${!IMAGE_FILE[@]}"; do files+=(--arg "$role" "${IMAGE_FILE[$role]}"); done
    jq -n --sort-keys \
        --arg hash "$hash" --arg kver "$kver" --arg suite "$IMAGE_SUITE" --arg mirror "$mirror" \
        --arg built "$(date -u +%Y-%m-%dT%H:%M:%SZ)" --argjson seconds "$(seconds_since "$t0")" \
        --arg cmdline "$IMAGE_CMDLINE" \
        --arg fingerprint "$(ssh-keygen -l -f "$dir/${IMAGE_FILE[host_key]}" | awk '{print $2}')" \
        --argjson disk_size "$(qemu-img info --output=json "$dir/${IMAGE_FILE[disk]}" | jq '."virtual-size"')" \
        --argjson data_size "$(stat -c %s "$dir/${IMAGE_FILE[data]}")" \
        --argjson packages "$(image_packages | jq -R . | jq -s .)" \
        --argjson installed "$(jq -R 'split("\t") | {(.[0]): .[1]}' < "$dir/packages.tsv" | jq -s 'add // {}')" \
        --argjson files "$(jq -n "${files[@]}" '$ARGS.named')" \
        '{format_version: 2, recipe_hash: $hash, guest_kernel: $kver, debian_suite: $suite,
          debian_mirror: $mirror, built_at: $built, build_seconds: $seconds, cmdline: $cmdline,
          host_key_fingerprint: $fingerprint, disk_virtual_size_bytes: $disk_size, data_size_bytes: $data_size,
          files: $files, packages: $packages, installed_packages: $installed}'
}
