package dev.vbench.provisioning;

import java.util.List;

/**
 * What {@link Provisioner#pushImage} did.
 *
 * @param image         the image on the host
 * @param uploaded      the volumes uploaded now
 * @param reused        the volumes that were there already with the right size
 * @param uploadedBytes the bytes sent (runs of zeros are skipped, not sent)
 */
public record ImagePush(HostImage image, List<String> uploaded, List<String> reused, long uploadedBytes) {
    public ImagePush {
        uploaded = List.copyOf(uploaded);
        reused = List.copyOf(reused);
    }
}
