#!/bin/bash
# Re-captures the real fio / iperf3 outputs in this folder (see README.md).
# Needs fio and iperf3 (Debian bookworm: fio 3.33, iperf 3.12). Everything runs on a temp dir and on 127.0.0.1.
set -u
cd "$(dirname "$0")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
common=(--bs=4k --iodepth=4 --size=16M --runtime=1s --time_based --ioengine=libaio --direct=1 --output-format=json)

fio --name=randread --filename="$work/fio.dat" --rw=randread --numjobs=1 --group_reporting "${common[@]}" \
    > fio-randread.json
fio --name=randwrite --filename="$work/fio.dat" --rw=randwrite --numjobs=1 --group_reporting "${common[@]}" \
    > fio-randwrite.json
fio --name=mixed --filename="$work/fio.dat" --rw=randrw --rwmixread=70 --unified_rw_reporting=mixed \
    --numjobs=1 --group_reporting "${common[@]}" > fio-randrw-unified-mixed.json
fio --name=both --filename="$work/fio.dat" --rw=randrw --rwmixread=70 --unified_rw_reporting=both \
    --numjobs=1 --group_reporting "${common[@]}" > fio-randrw-unified-both.json
fio --name=twojobs --filename="$work/fio.dat" --rw=randread --numjobs=2 "${common[@]}" > fio-randread-2jobs.json
fio --name=status --filename="$work/fio.dat" --rw=randwrite --numjobs=1 --group_reporting --status-interval=1 \
    --bs=4k --iodepth=4 --size=16M --runtime=2s --time_based --ioengine=libaio --direct=1 --output-format=json \
    > fio-randwrite-status-interval.json
# missing file, read-only job: fio prints its error lines before the JSON, sets jobs[0].error=2, exits 1
fio --name=missing --filename="$work/missing/file" --readonly --rw=randread --numjobs=1 "${common[@]}" \
    > fio-error-missing-file.txt 2> fio-error-missing-file.stderr.txt
echo "exit $?" > fio-error-missing-file.exit.txt
# a path below a regular file: fio cannot create the directory, prints that on stderr, exits 1,
# and its JSON on stdout has error=0 but no I/O at all
touch "$work/plainfile"
fio --name=notdir --filename="$work/plainfile/sub/file" --rw=randwrite --numjobs=1 "${common[@]}" \
    > fio-no-io.json 2> fio-no-io.stderr.txt
echo "exit $?" > fio-no-io.exit.txt

port=55201
run_iperf() { # out-file client-args...
    local out=$1; shift
    iperf3 -s -B 127.0.0.1 -p $port -1 --idle-timeout 10 --forceflush > /dev/null 2>&1 &
    local server=$!
    sleep 0.5
    iperf3 -c 127.0.0.1 -p $port "$@" --connect-timeout 3000 -J > "$out"
    echo "exit $?" > "${out%.json}.exit.txt"
    wait $server
}
run_iperf iperf3-tcp.json -t 1 -P 2
run_iperf iperf3-tcp-reverse.json -t 1 -P 1 -R
run_iperf iperf3-udp.json -t 1 -P 1 -u -b 100M
run_iperf iperf3-udp-reverse.json -t 1 -P 1 -R -u -b 100M
# nothing listens on 127.0.0.1:55299: iperf3 -J still exits 0, with a top-level "error" and an empty "end"
iperf3 -c 127.0.0.1 -p 55299 -t 1 --connect-timeout 3000 -J > iperf3-connect-refused.json
echo "exit $?" > iperf3-connect-refused.exit.txt
