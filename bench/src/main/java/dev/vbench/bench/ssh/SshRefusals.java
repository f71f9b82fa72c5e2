package dev.vbench.bench.ssh;

import com.jcraft.jsch.JSchAlgoNegoFailException;
import com.jcraft.jsch.JSchException;

/** Which SSH connection failures are permanent (wrong host key, refused key) rather than a guest still booting. */
final class SshRefusals {
    private SshRefusals() {
    }

    /** Throws the typed exception when {@code e} cannot get better by retrying; returns otherwise. */
    static void checkPermanent(SshTarget target, PinnedHostKeyRepository hostKeys, JSchException e) {
        byte[] refused = hostKeys.refused();
        if (refused != null) {
            throw new HostKeyMismatchException("refusing " + target + ": it presented host key "
                    + HostPublicKey.fingerprint(refused) + " but the expected key is " + target.hostKey().type() + " "
                    + target.hostKey().fingerprint() + "; the guest is not the image's (wrong address?) or the "
                    + "image's host_key.pub is stale", e);
        }
        if (e instanceof JSchAlgoNegoFailException nego && "server_host_key".equals(nego.getAlgorithmName())) {
            throw new HostKeyMismatchException("refusing " + target + ": it has no " + target.hostKey().type()
                    + " host key (it offers " + nego.getServerProposal() + "), so it cannot be the expected host "
                    + target.hostKey().fingerprint(), e);
        }
        String message = String.valueOf(e.getMessage());
        if (message.startsWith("Auth fail") || message.startsWith("Auth cancel")) {
            throw new SshAuthenticationException(target + " refused the key " + target.privateKey() + " ("
                    + message + "); check that the image's authorized_keys holds its public key", e);
        }
    }

    static String hostKeyAlgorithms(String keyType) {
        return keyType.equals("ssh-rsa") ? "rsa-sha2-512,rsa-sha2-256" : keyType;
    }
}
