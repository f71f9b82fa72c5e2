# shellcheck shell=bash
# Host packages the lab needs (Debian names).

HOST_PACKAGES=(
    qemu-system-x86 qemu-utils libvirt-daemon-system libvirt-clients debootstrap
    fio iperf3 dnsmasq-base socat libxml2-utils openssh-client iproute2
)

# packages_missing: print the packages of HOST_PACKAGES that are not installed, one a line.
packages_missing() {
    local installed p
    installed=" $(dpkg-query -W -f='${db:Status-Status}:${Package} ' "${HOST_PACKAGES[@]}" 2>/dev/null || true)"
    for p in "${HOST_PACKAGES[@]}"; do
        [[ $installed == *" installed:$p "* ]] || printf '%s\n' "$p"
    done
}

# packages_install: apt-get install whatever is missing; `apt-get update` only when needed.
packages_install() {
    local missing
    mapfile -t missing < <(packages_missing)
    if (( ${#missing[@]} == 0 )); then
        log "    all ${#HOST_PACKAGES[@]} host packages installed"
        return
    fi
    log "    missing: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    local out
    log "    apt-get update"
    out=$(apt-get update -q 2>&1) || { printf '%s\n' "$out" >&2; die 3 "apt-get update failed"; }
    log "    apt-get install ${missing[*]}"
    out=$(apt-get install -y -q "${missing[@]}" 2>&1) \
        || { printf '%s\n' "$out" | tail -n 30 >&2; die 3 "apt-get install failed"; }
    mapfile -t missing < <(packages_missing)
    (( ${#missing[@]} == 0 )) || die 3 "still missing after apt-get install: ${missing[*]}"
}
