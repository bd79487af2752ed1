package org.kerege.signature.certificate;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigInteger;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.kerege.platform.events.Outbox;
import org.kerege.platform.events.signature.CertificateIssuedV1;
import org.kerege.platform.events.signature.CertificateRevokedV1;
import org.kerege.platform.problem.ProblemException;
import org.kerege.signature.SignatureConfig;
import org.kerege.signature.application.KeyApplicationService;
import org.kerege.signature.application.Pem;
import org.kerege.signature.application.domain.KeyApplication;
import org.kerege.signature.application.domain.KeyApplicationStatus;
import org.kerege.signature.application.domain.OneTimeCodes;
import org.kerege.signature.application.persistence.KeyApplicationStore;
import org.kerege.signature.application.persistence.OneTimeCodeStore;
import org.kerege.signature.ca.CaHolder;
import org.kerege.signature.ca.domain.CertificateAuthority;
import org.kerege.signature.ca.domain.CsrCheck;
import org.kerege.signature.ca.domain.RevocationReason;
import org.kerege.signature.ca.domain.SignatureVerifier;
import org.kerege.signature.certificate.persistence.CertificateStore;
import org.kerege.signature.sms.SmsGateway;

/** Certificates after issuance: lookup, revocation (with a holder's SMS code or by an officer), renewal, CRL, OCSP, verification. */
@ApplicationScoped
public class CertificateService {

    private static final Logger LOG = Logger.getLogger(CertificateService.class);
    public static final String REVOKE_PURPOSE = "revoke";

    private final CertificateStore certificates;
    private final KeyApplicationStore applications;
    private final OneTimeCodeStore codes;
    private final KeyApplicationService keyApplications;
    private final SmsGateway sms;
    private final CaHolder ca;
    private final Outbox outbox;
    private final Clock clock;
    private final SignatureConfig config;

    public CertificateService(CertificateStore certificates, KeyApplicationStore applications, OneTimeCodeStore codes,
                              KeyApplicationService keyApplications, SmsGateway sms, CaHolder ca, Outbox outbox,
                              Clock clock, SignatureConfig config) {
        this.certificates = certificates;
        this.applications = applications;
        this.codes = codes;
        this.keyApplications = keyApplications;
        this.sms = sms;
        this.ca = ca;
        this.outbox = outbox;
        this.clock = clock;
        this.config = config;
    }

    /** A certificate and the application it was issued for. */
    public record Found(CertificateStore.Row certificate, KeyApplication application) {
    }

    public Optional<Found> find(String serial) {
        return QuarkusTransaction.requiringNew().call(() -> certificates.find(serial, false)
                .map(c -> new Found(c, applications.find(c.applicationId(), false).orElseThrow())));
    }

    /** Texts the holder a code that authorises revoking this certificate. */
    public void sendRevocationCode(Found found) {
        if (found.certificate().revokedAt() != null) {
            throw alreadyRevoked(found.certificate().serial());
        }
        String serial = found.certificate().serial();
        OneTimeCodes.Issued code = QuarkusTransaction.requiringNew().call(() -> {
            OneTimeCodes.State previous = codes.find(REVOKE_PURPOSE, serial).orElse(null);
            OneTimeCodes.Issued issued = keyApplications.oneTimeCodes().issue(REVOKE_PURPOSE, serial, previous,
                    clock.instant());
            codes.save(REVOKE_PURPOSE, serial, issued.state());
            return issued;
        });
        try {
            sms.send(found.application().phone.e164(), "Kerege: the code to REVOKE your signature certificate is "
                    + code.code() + ". Never share it.");
        } catch (SmsGateway.SmsFailedException e) {
            throw new ProblemException(503, "sms-unavailable", "The SMS could not be sent",
                    "The SMS gateway did not accept the message; try again in a minute.");
        }
    }

    /**
     * Revokes. {@code code} is required when the holder revokes (checked against the SMS code);
     * officers and administrators revoke without one.
     */
    public CertificateStore.Row revoke(String serial, RevocationReason reason, String revokedBy, String code) {
        record Result(CertificateStore.Row row, OneTimeCodes.Verification failed) {
        }
        Result result = QuarkusTransaction.requiringNew().call(() -> {
            CertificateStore.Row row = certificates.find(serial, true)
                    .orElseThrow(() -> ProblemException.notFound("Certificate", serial));
            if (row.revokedAt() != null) {
                throw alreadyRevoked(serial);
            }
            Instant now = clock.instant();
            if ("holder".equals(revokedBy)) {
                OneTimeCodes.State state = codes.find(REVOKE_PURPOSE, serial).orElse(null);
                OneTimeCodes.Verification v = keyApplications.oneTimeCodes().verify(REVOKE_PURPOSE, serial, state, code, now);
                if (v.state() != null && v.state() != state) {
                    codes.save(REVOKE_PURPOSE, serial, v.state());
                }
                if (v.outcome() != OneTimeCodes.Outcome.ACCEPTED) {
                    return new Result(null, v);
                }
            }
            certificates.revoke(serial, now, reason, revokedBy, null);
            outbox.publish(new CertificateRevokedV1(serial, row.applicationId().toString(), row.holderType(),
                    row.maskedIdentifier(), reason.name(), revokedBy, null, now));
            LOG.infof("Certificate %s revoked by %s (%s)", serial, revokedBy, reason);
            return new Result(certificates.find(serial, false).orElseThrow(), null);
        });
        if (result.failed() != null) {
            throw KeyApplicationService.codeProblem(result.failed());
        }
        return result.row();
    }

    /**
     * Online renewal while the old certificate is still valid and not revoked: a new certificate for a
     * new key (CSR), with the holder data of the old one; the old certificate is revoked as SUPERSEDED.
     */
    public X509Certificate renew(String serial, byte[] csr, String holderSubject) {
        CsrCheck.Accepted accepted = CsrCheck.check(csr);
        return QuarkusTransaction.requiringNew().call(() -> {
            CertificateStore.Row old = certificates.find(serial, true)
                    .orElseThrow(() -> ProblemException.notFound("Certificate", serial));
            KeyApplication previous = applications.find(old.applicationId(), false).orElseThrow();
            if (holderSubject != null && !holderSubject.equals(previous.pinfl.value())) {
                throw new ProblemException(403, "forbidden", "Forbidden", "This certificate belongs to someone else.");
            }
            Instant now = clock.instant();
            if (old.revokedAt() != null) {
                throw alreadyRevoked(serial);
            }
            if (!old.notAfter().isAfter(now)) {
                throw ProblemException.ruleViolated("certificate-expired", "The certificate has expired",
                        "Online renewal needs a certificate that is still valid; apply for a new key.");
            }
            PublicKey oldKey = CertificateAuthority.certificate(Pem.der(old.pem())).getPublicKey();
            if (Arrays.equals(oldKey.getEncoded(), accepted.publicKey().getEncoded())) {
                throw ProblemException.ruleViolated("same-key", "Renewal needs a new key pair",
                        "The request carries the key of the certificate being renewed.");
            }
            KeyApplication renewal = new KeyApplication();
            renewal.id = UUID.randomUUID();
            renewal.applicantType = previous.applicantType;
            renewal.pinfl = previous.pinfl;
            renewal.tin = previous.tin;
            renewal.holderName = previous.holderName;
            renewal.organisation = previous.organisation;
            renewal.phone = previous.phone;
            renewal.region = previous.region;
            renewal.district = previous.district;
            renewal.channel = previous.channel;
            renewal.status = KeyApplicationStatus.ISSUED;
            renewal.submittedBy = holderSubject == null ? "officer" : "holder";
            renewal.submittedRole = holderSubject == null ? "officer" : "citizen";
            renewal.submittedAt = now;
            renewal.renewalOf = serial;
            CertificateAuthority authority = ca.ca();
            X509Certificate cert = authority.issue(KeyApplicationService.holder(previous), accepted.publicKey(),
                    authority.newSerial(), now);
            String newSerial = CertificateAuthority.hex(cert.getSerialNumber());
            renewal.certificateSerial = newSerial;
            renewal.issuedAt = now;
            applications.insert(renewal);
            certificates.insert(new CertificateStore.Row(newSerial, renewal.id, renewal.applicantType.name(),
                    renewal.maskedIdentifier(), accepted.keyType(), Pem.of(cert), cert.getNotBefore().toInstant(),
                    cert.getNotAfter().toInstant(), now, null, null, null, null));
            certificates.revoke(serial, now, RevocationReason.SUPERSEDED, "renewal", newSerial);
            outbox.publish(new CertificateIssuedV1(newSerial, renewal.id.toString(), null, renewal.applicantType.name(),
                    renewal.maskedIdentifier(), cert.getNotBefore().toInstant(), cert.getNotAfter().toInstant(), now));
            outbox.publish(new CertificateRevokedV1(serial, old.applicationId().toString(), old.holderType(),
                    old.maskedIdentifier(), RevocationReason.SUPERSEDED.name(), "renewal", newSerial, now));
            LOG.infof("Certificate %s renewed as %s", serial, newSerial);
            return cert;
        });
    }

    /** The current CRL (DER), signed now. */
    public byte[] crl() {
        Instant now = clock.instant();
        return QuarkusTransaction.requiringNew().call(() -> ca.revocations().crl(certificates.revokedUnexpired(now),
                certificates.nextCrlNumber(), now, config.revocation().crlValidity()));
    }

    /** Answers an OCSP request (DER). */
    public byte[] ocsp(byte[] request) {
        Instant now = clock.instant();
        return QuarkusTransaction.requiringNew().call(() -> ca.revocations().ocsp(request, certificates::status, now,
                config.revocation().ocspValidity()));
    }

    /** Verifies a CMS signature against this CA (revocation from this CA's own records). */
    public SignatureVerifier.Result verify(byte[] cms, byte[] data, boolean checkRevocation) {
        Instant now = clock.instant();
        return QuarkusTransaction.requiringNew().call(() -> ca.verifier().verify(cms, data, checkRevocation,
                (BigInteger serial) -> certificates.status(serial), now));
    }

    private static ProblemException alreadyRevoked(String serial) {
        return ProblemException.conflict("already-revoked", "The certificate is already revoked",
                "Certificate " + serial + " is revoked.");
    }
}
