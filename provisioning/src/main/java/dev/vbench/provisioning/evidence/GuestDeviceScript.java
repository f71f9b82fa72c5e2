package dev.vbench.provisioning.evidence;

/**
 * The guest side of the device evidence: a fixed POSIX shell script (no plan values in it) that prints, for every
 * block device and every network interface backed by a device, its serial or MAC and the chain of kernel drivers
 * from the device up to its controller. {@link DeviceEvidence#parse(String)} reads its output.
 *
 * <p>Output format, one record per line, fields {@code key=value} separated by single spaces, values never contain
 * spaces:
 * <pre>
 * vbench-devices v1
 * disk name=vdb serial=vbdata drivers=virtio_blk,virtio-pci sysfs=/sys/devices/pci0000:00/0000:00:05.0/virtio2
 * nic name=enp1s0 mac=52:54:00:5e:1a:07 drivers=virtio_net,virtio-pci sysfs=/sys/devices/pci0000:00/...
 * end
 * </pre>
 * The serial of a disk is read from {@code /sys/block/X/serial} (virtio-blk), else udev's {@code ID_SERIAL_SHORT}
 * (ATA, SATA, SCSI; the same value names {@code /dev/disk/by-id} links), else SCSI VPD page 0x80; only
 * {@code [A-Za-z0-9._-]} are kept. Drivers are the basenames of the {@code driver} links found walking
 * {@code readlink -f /sys/block/X/device} (or {@code /sys/class/net/N/device}) upwards to {@code /sys/devices},
 * nearest first. Interfaces without a device ({@code lo}, bridges, tunnels) and block devices without one
 * (loop, ram) are left out.
 */
public final class GuestDeviceScript {
    /** First line of the script's output. */
    public static final String HEADER = "vbench-devices v1";
    /** Last line of the script's output; its absence means truncated output. */
    public static final String END = "end";

    /** The script. Run it as the command of an SSH exec channel or with {@code sh -c}; it needs no root. */
    public static final String SCRIPT = """
            chain() {
              p=$1; c=''
              while [ -n "$p" ] && [ "$p" != /sys/devices ] && [ "$p" != / ]; do
                if [ -e "$p/driver" ]; then
                  dr=$(readlink -f "$p/driver"); c="${c:+$c,}${dr##*/}"
                fi
                p=${p%/*}
              done
              printf '%s' "$c"
            }
            echo 'vbench-devices v1'
            for d in /sys/block/*; do
              [ -e "$d/device" ] || continue
              n=${d##*/}; s=''
              [ -r "$d/serial" ] && s=$(cat "$d/serial" 2>/dev/null)
              if [ -z "$s" ] && command -v udevadm >/dev/null 2>&1; then
                s=$(udevadm info --query=property --name="/dev/$n" 2>/dev/null | sed -n 's/^ID_SERIAL_SHORT=//p')
              fi
              if [ -z "$s" ] && [ -r "$d/device/vpd_pg80" ]; then
                s=$(tail -c +5 "$d/device/vpd_pg80" 2>/dev/null | tr -d '\\000')
              fi
              s=$(printf '%s' "$s" | tr -cd 'A-Za-z0-9._-')
              p=$(readlink -f "$d/device")
              echo "disk name=$n serial=$s drivers=$(chain "$p") sysfs=$p"
            done
            for i in /sys/class/net/*; do
              n=${i##*/}
              [ "$n" = lo ] && continue
              [ -e "$i/device" ] || continue
              m=$(cat "$i/address" 2>/dev/null)
              p=$(readlink -f "$i/device")
              echo "nic name=$n mac=$m drivers=$(chain "$p") sysfs=$p"
            done
            echo end
            """;

    private GuestDeviceScript() {
    }
}
