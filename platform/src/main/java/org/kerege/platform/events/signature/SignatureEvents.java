package org.kerege.platform.events.signature;

import java.util.List;
import org.kerege.platform.events.Event;

/** The event records of signature-service, in the order the AsyncAPI document lists them. */
public final class SignatureEvents {

    public static final List<Class<? extends Event>> ALL = List.of(KeyApplicationSubmittedV1.class, CertificateIssuedV1.class,
            CertificateRevokedV1.class, CertificateExpiringV1.class);

    private SignatureEvents() {
    }
}
