package dev.vbench.provisioning.libvirt;

import dev.vbench.provisioning.ProvisioningException;
import org.libvirt.Error;
import org.libvirt.LibvirtException;

/** A libvirt-java call whose {@link LibvirtException} becomes a {@link ProvisioningException}. */
@FunctionalInterface
interface LibvirtCall<T> {
    T call() throws LibvirtException;

    /** Runs {@code call}; a libvirt failure becomes a {@link ProvisioningException} naming {@code operation}. */
    static <T> T run(String operation, LibvirtCall<T> call) {
        try {
            return call.call();
        } catch (LibvirtException e) {
            throw wrap(operation, e);
        }
    }

    static ProvisioningException wrap(String operation, LibvirtException e) {
        String text = e.getMessage();
        if (text == null || text.isBlank()) {
            Error err = e.getError();
            text = err == null ? e.toString() : String.valueOf(err.getCode());
        }
        return new ProvisioningException(operation, text, e);
    }

    /** Whether libvirt said the domain does not exist (any more). */
    static boolean noDomain(LibvirtException e) {
        return e.getError() != null && e.getError().getCode() == Error.ErrorNumber.VIR_ERR_NO_DOMAIN;
    }

    /** Whether libvirt said the operation does not apply in the domain's state, e.g. destroying a stopped domain. */
    static boolean operationInvalid(LibvirtException e) {
        return e.getError() != null && e.getError().getCode() == Error.ErrorNumber.VIR_ERR_OPERATION_INVALID;
    }

    /** Whether the driver does not implement the call (e.g. CPU statistics in some drivers). */
    static boolean unsupported(LibvirtException e) {
        return e.getError() != null && e.getError().getCode() == Error.ErrorNumber.VIR_ERR_NO_SUPPORT;
    }
}
