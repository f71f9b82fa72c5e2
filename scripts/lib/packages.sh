# shellcheck shell=bash
# shellcheck disable=SC2034  # the lists are used by the scripts that source this file
# Host packages the lab needs (Debian names). nbdkit (its file plugin and cache filter are in the main package)
# serves the data disk of the host-crash model; e2fsprogs' mkfs.ext4, e2fsck and debugfs prepare and check its
# backing file on the host. gcc and libc6-dev (static libc) compile the guest image's durability writer
# (scripts/lib/vbench-durable.c).

HOST_PACKAGES=(
    qemu-system-x86 qemu-utils libvirt-daemon-system libvirt-clients debootstrap
    fio iperf3 dnsmasq-base socat libxml2-utils openssh-client iproute2 jq nbdkit e2fsprogs
    gcc libc6-dev
)

# Packages the unit tests need (scripts/test --fast): shellcheck for the scripts, virt-xml-validate
# (libvirt-clients) for DomainXmlValidationTest, qemu-img (qemu-utils) for the backing-chain checks of images,
# systemd-analyze (systemd) to verify the shipped nightly units, iperf3 and ssh (openssh-client) for
# ServerSideTest's remote iperf3 server and LibvirtSshTest's ssh wrapper, gcc and libc6-dev for DurableWriterTest
# (it compiles the guest's durability writer as the image build does).
UNIT_TEST_PACKAGES=(shellcheck libvirt-clients qemu-utils systemd iperf3 openssh-client gcc libc6-dev)
# Packages the emulated hypervisor hosts need besides HOST_PACKAGES (scripts/hosts): an sshd per host.
HOSTS_PACKAGES=(openssh-server)
# Packages only the integration tests need besides HOST_PACKAGES: ReportBrowserIT opens report.html in
# headless Chromium; HistoryPostgresIT runs against a PostgreSQL server (scripts/lib/postgres.sh starts it);
# EmulatedHostsIT runs scripts/hosts.
TEST_PACKAGES=(chromium postgresql "${HOSTS_PACKAGES[@]}" "${UNIT_TEST_PACKAGES[@]}")

# Installing openssh-server would start the system's sshd on every address of this machine; the project only
# runs sshds of its own (scripts/hosts), so when it installs the package, Debian's switch-off file comes first.
SSHD_OFF_MARKER=/etc/ssh/sshd_not_to_be_run

# packages_missing [PKG...]: print the given packages (default HOST_PACKAGES) that are not installed, one a line.
packages_missing() {
    local installed p
    local -a want=("$@")
    (( ${#want[@]} )) || want=("${HOST_PACKAGES[@]}")
    installed=" $(dpkg-query -W -f='${db:Status-Status}:${Package} ' "${want[@]}" 2>/dev/null || true)"
    for p in "${want[@]}"; do
        [[ $installed == *" installed:$p "* ]] || printf '%s\n' "$p"
    done
}

# packages_install [PKG...]: apt-get install whichever of the given packages (default HOST_PACKAGES) are
# missing; `apt-get update` only when needed.
packages_install() {
    local missing
    local -a want=("$@")
    (( ${#want[@]} )) || want=("${HOST_PACKAGES[@]}")
    mapfile -t missing < <(packages_missing "${want[@]}")
    if (( ${#missing[@]} == 0 )); then
        log "    all ${#want[@]} packages installed"
        return 0
    fi
    log "    missing: ${missing[*]}"
    if [[ " ${missing[*]} " == *" openssh-server "* && ! -e $SSHD_OFF_MARKER ]]; then
        install -d -m 0755 "$(dirname "$SSHD_OFF_MARKER")"
        printf 'vbench installed openssh-server for its own sshds only (scripts/hosts)\n' > "$SSHD_OFF_MARKER"
        log "    $SSHD_OFF_MARKER written: the package's own sshd service stays off"
    fi
    export DEBIAN_FRONTEND=noninteractive
    local out
    log "    apt-get update"
    out=$(apt-get update -q 2>&1) || { printf '%s\n' "$out" >&2; die 3 "apt-get update failed"; }
    log "    apt-get install ${missing[*]}"
    out=$(apt-get install -y -q "${missing[@]}" 2>&1) \
        || { printf '%s\n' "$out" | tail -n 30 >&2; die 3 "apt-get install failed"; }
    mapfile -t missing < <(packages_missing "${want[@]}")
    (( ${#missing[@]} == 0 )) || die 3 "still missing after apt-get install: ${missing[*]}"
}
