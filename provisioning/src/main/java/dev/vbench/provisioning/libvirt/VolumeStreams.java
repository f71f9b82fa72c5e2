package dev.vbench.provisioning.libvirt;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Arrays;
import org.libvirt.LibvirtException;
import org.libvirt.Stream;

/** The small steps of libvirt streams that {@link HostPool} uploads and downloads through. */
final class VolumeStreams {
    private VolumeStreams() {
    }

    static int readFully(FileChannel in, byte[] chunk, long pos, int n) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(chunk, 0, n);
        while (b.hasRemaining()) {
            if (in.read(b, pos + b.position()) < 0) {
                throw new IOException("the file shrank while it was uploaded");
            }
        }
        return n;
    }

    static void send(Stream s, byte[] bytes, int n) throws LibvirtException {
        for (int off = 0; off < n; ) {
            int len = Math.min(HostPool.SEND, n - off);
            int done = s.send(off == 0 && len == bytes.length ? bytes : Arrays.copyOfRange(bytes, off, off + len));
            if (done <= 0) {
                throw new IllegalStateException("libvirt stream accepted no bytes");
            }
            off += done;
        }
    }

    static Stream finish(Stream s) throws LibvirtException {
        if (s != null) {
            s.finish();
            s.free();
        }
        return null;
    }

    static void abort(Stream s) {
        try {
            s.abort();
            s.free();
        } catch (LibvirtException ignored) {
            // the stream failed already; its error is the one reported
        }
    }

}
