/*
 * vbench-durable: the durability workload in the guest (issue 13). Writes numbered, checksummed 4096-byte records
 * to a block device or file, one pwrite each, in order. It prints "write SEQ" just before the pwrite of record SEQ
 * (the record is issued: from then on it may reach the target), and "ack SEQ" the moment record SEQ is
 * acknowledged: after fdatasync returns (sync), after the O_DSYNC pwrite returns (dsync), after pwrite returns
 * (buffered). The host checks the target after a crash (dev.vbench.results durability checker): acknowledged
 * records lost break a promise; issued records never acknowledged may be present or lost.
 *
 *   vbench-durable --target PATH --mode sync|dsync|buffered --nonce N [--records MAX] [--create]
 *
 * Record SEQ lives at byte offset SEQ * 4096, little-endian:
 *   0-7 "VBDURREC", 8-15 u64 nonce, 16-23 u64 seq, 24-27 u32 mode (0 sync, 1 dsync, 2 buffered),
 *   28-4091 xorshift64* stream seeded with nonce ^ (seq * 0x9E3779B97F4A7C15) (0 -> 1), each output 8 bytes LE,
 *   the last partial word cut; 4092-4095 u32 CRC-32 (zlib/IEEE) of bytes 0-4091.
 * Output: "start" once the target is open, then per record "write SEQ" and "ack SEQ" (start, write 0, ack 0,
 * write 1, ack 1, ...), stdout flushed after each line.
 * Exit status: 0 after MAX records, 2 bad arguments, 3 I/O error (one line on stderr each).
 * C99 and libc only; compiled on the host when the guest image is built (scripts/lib/image.sh).
 */
#define _XOPEN_SOURCE 700
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define SLOT 4096
#define PAYLOAD_START 28
#define CRC_AT 4092

static uint32_t crc_table[256];

static void crc_init(void) {
    for (uint32_t n = 0; n < 256; n++) {
        uint32_t c = n;
        for (int k = 0; k < 8; k++) {
            c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        }
        crc_table[n] = c;
    }
}

static uint32_t crc32_ieee(const unsigned char *p, size_t len) {
    uint32_t c = 0xFFFFFFFFu;
    for (size_t i = 0; i < len; i++) {
        c = crc_table[(c ^ p[i]) & 0xFF] ^ (c >> 8);
    }
    return c ^ 0xFFFFFFFFu;
}

static void put_le(unsigned char *p, uint64_t v, int bytes) {
    for (int i = 0; i < bytes; i++) {
        p[i] = (unsigned char) (v >> (8 * i));
    }
}

/* Fills buf (SLOT bytes) with record seq. */
static void make_record(unsigned char *buf, uint64_t nonce, uint64_t seq, uint32_t mode) {
    memcpy(buf, "VBDURREC", 8);
    put_le(buf + 8, nonce, 8);
    put_le(buf + 16, seq, 8);
    put_le(buf + 24, mode, 4);
    uint64_t x = nonce ^ (seq * UINT64_C(0x9E3779B97F4A7C15));
    if (x == 0) {
        x = 1;
    }
    for (int at = PAYLOAD_START; at < CRC_AT; at += 8) {
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        uint64_t out = x * UINT64_C(0x2545F4914F6CDD1D);
        unsigned char word[8];
        put_le(word, out, 8);
        memcpy(buf + at, word, (size_t) (CRC_AT - at < 8 ? CRC_AT - at : 8));
    }
    put_le(buf + CRC_AT, crc32_ieee(buf, CRC_AT), 4);
}

static int usage(const char *why) {
    fprintf(stderr, "vbench-durable: %s (usage: vbench-durable --target PATH --mode sync|dsync|buffered "
            "--nonce N [--records MAX] [--create])\n", why);
    return 2;
}

/* Parses a decimal u64 without sign, spaces or trailing text; returns 0 on success. */
static int parse_u64(const char *s, uint64_t *out) {
    if (s == NULL || *s < '0' || *s > '9') {
        return -1;
    }
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno != 0 || *end != '\0') {
        return -1;
    }
    *out = (uint64_t) v;
    return 0;
}

int main(int argc, char **argv) {
    const char *target = NULL, *mode_name = NULL;
    uint64_t nonce = 0, max = UINT64_MAX;
    int have_nonce = 0, create = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--create") == 0) {
            create = 1;
            continue;
        }
        if (i + 1 >= argc) {
            return usage(strncmp(a, "--", 2) == 0 ? "an option lacks its value" : "unexpected argument");
        }
        const char *v = argv[++i];
        if (strcmp(a, "--target") == 0) {
            target = v;
        } else if (strcmp(a, "--mode") == 0) {
            mode_name = v;
        } else if (strcmp(a, "--nonce") == 0) {
            if (parse_u64(v, &nonce) != 0) {
                return usage("--nonce needs an unsigned 64-bit decimal number");
            }
            have_nonce = 1;
        } else if (strcmp(a, "--records") == 0) {
            if (parse_u64(v, &max) != 0 || max == 0 || max > UINT64_C(1) << 40) {
                return usage("--records needs a number from 1 to 2^40");
            }
        } else {
            return usage("unknown option");
        }
    }
    if (target == NULL || target[0] == '\0') {
        return usage("--target is required");
    }
    if (mode_name == NULL) {
        return usage("--mode is required");
    }
    if (!have_nonce) {
        return usage("--nonce is required");
    }
    uint32_t mode;
    int flags = O_WRONLY;
    if (strcmp(mode_name, "sync") == 0) {
        mode = 0;
    } else if (strcmp(mode_name, "dsync") == 0) {
        mode = 1;
        flags |= O_DSYNC;
    } else if (strcmp(mode_name, "buffered") == 0) {
        mode = 2;
    } else {
        return usage("--mode must be sync, dsync or buffered");
    }
    if (create) {
        flags |= O_CREAT | O_EXCL;
    }
    int fd = open(target, flags, 0600);
    if (fd < 0) {
        fprintf(stderr, "vbench-durable: cannot open %s: %s\n", target, strerror(errno));
        return 3;
    }
    crc_init();
    static unsigned char buf[SLOT];
    if (printf("start\n") < 0 || fflush(stdout) != 0) {
        return 3;
    }
    for (uint64_t seq = 0; seq < max; seq++) {
        make_record(buf, nonce, seq, mode);
        if (printf("write %" PRIu64 "\n", seq) < 0 || fflush(stdout) != 0) {
            return 3;
        }
        ssize_t n = pwrite(fd, buf, SLOT, (off_t) (seq * SLOT));
        if (n != SLOT) {
            fprintf(stderr, "vbench-durable: pwrite of record %" PRIu64 " to %s: %s\n", seq, target,
                    n < 0 ? strerror(errno) : "short write");
            return 3;
        }
        if (mode == 0 && fdatasync(fd) != 0) {
            fprintf(stderr, "vbench-durable: fdatasync after record %" PRIu64 " on %s: %s\n", seq, target,
                    strerror(errno));
            return 3;
        }
        if (printf("ack %" PRIu64 "\n", seq) < 0 || fflush(stdout) != 0) {
            return 3;
        }
    }
    if (close(fd) != 0) {
        fprintf(stderr, "vbench-durable: close %s: %s\n", target, strerror(errno));
        return 3;
    }
    return 0;
}
