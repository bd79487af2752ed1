package org.kerege.status.application.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import org.kerege.platform.events.EventHandler;
import org.kerege.platform.events.EventMetadata;
import org.kerege.platform.events.signature.CertificateIssuedV1;
import org.kerege.status.application.ApplicationCommands;
import org.kerege.status.application.domain.ApplicationNumber;

/** signature-service issued the key of an application tracked here: the application is issued when its workflow allows. */
@ApplicationScoped
public class CertificateIssuedHandler implements EventHandler<CertificateIssuedV1> {

    private final ApplicationCommands commands;

    public CertificateIssuedHandler(ApplicationCommands commands) {
        this.commands = commands;
    }

    @Override
    public Class<CertificateIssuedV1> eventClass() {
        return CertificateIssuedV1.class;
    }

    @Override
    public void handle(EventMetadata metadata, CertificateIssuedV1 event) {
        if (ApplicationNumber.isWellFormed(event.applicationRef())) {
            commands.serviceEvent(event.applicationRef(), "issued", "signature-service",
                    "certificate " + event.serial());
        }
    }
}
