package dev.vbench.bench.ssh;

import com.jcraft.jsch.ChannelExec;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;
import java.io.ByteArrayInputStream;

/** Opening and killing the exec channels of {@link GuestShell} and {@link LineStream}. */
final class ExecChannels {
    private ExecChannels() {
    }

    /** A new exec channel for {@code command} with empty standard input, not connected yet. */
    static ChannelExec open(SshTarget target, Session session, String command) {
        ChannelExec channel;
        try {
            channel = (ChannelExec) session.openChannel("exec");
        } catch (JSchException e) {
            throw new SshSessionException("cannot open a command channel on " + target + ": " + e.getMessage(), e);
        }
        channel.setCommand(command);
        channel.setInputStream(new ByteArrayInputStream(new byte[0]));
        return channel;
    }

    /** Asks the server to kill the command and closes its channel. */
    static void kill(ChannelExec channel) {
        try {
            channel.sendSignal("KILL");
        } catch (Exception e) {
            // best effort: the server may not support signals; closing the channel follows anyway
        }
        channel.disconnect();
    }
}
