package org.kerege.signature.sms;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.jboss.logging.Logger;
import org.kerege.signature.SignatureConfig;

/** Chooses the SMS adapter from {@code kerege.signature.sms.gateway}. */
@ApplicationScoped
public class SmsGatewayProducer {

    private static final Logger LOG = Logger.getLogger(SmsGatewayProducer.class);

    @Produces
    @Singleton
    SmsGateway gateway(SignatureConfig config, Clock clock) {
        SignatureConfig.Sms sms = config.sms();
        if ("http".equals(sms.gateway())) {
            return new HttpSmsGateway(sms.url().orElseThrow(() -> new IllegalStateException(
                    "kerege.signature.sms.url is required with kerege.signature.sms.gateway=http")), sms.token(), sms.timeout());
        }
        if (!"local".equals(sms.gateway())) {
            throw new IllegalStateException("kerege.signature.sms.gateway must be local or http");
        }
        LOG.warnf("SMS messages are written to %s for a developer to read (local run only; set "
                + "kerege.signature.sms.gateway=http in production)", sms.localFile().toAbsolutePath());
        return new LocalSmsGateway(sms.localFile(), clock);
    }
}
