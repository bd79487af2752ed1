package org.kerege.signature.application;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
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
import org.kerege.platform.events.signature.KeyApplicationSubmittedV1;
import org.kerege.platform.problem.ProblemException;
import org.kerege.signature.SignatureConfig;
import org.kerege.signature.application.domain.KeyApplication;
import org.kerege.signature.application.domain.KeyApplicationAction;
import org.kerege.signature.application.domain.KeyApplicationStatus;
import org.kerege.signature.application.domain.OneTimeCodes;
import org.kerege.signature.application.persistence.KeyApplicationStore;
import org.kerege.signature.application.persistence.OneTimeCodeStore;
import org.kerege.signature.ca.CaHolder;
import org.kerege.signature.ca.domain.CertificateAuthority;
import org.kerege.signature.ca.domain.CsrCheck;
import org.kerege.signature.ca.domain.HolderProfile;
import org.kerege.signature.ca.domain.KeyAlgorithm;
import org.kerege.signature.ca.domain.PfxWriter;
import org.kerege.signature.certificate.persistence.CertificateStore;
import org.kerege.signature.fee.PaymentsClient;
import org.kerege.signature.sms.SmsGateway;

/**
 * The key application flow: submit → SMS code → verify phone → fee invoice (payments-service, REST) →
 * payment-received (Kafka) → identity check → certificate from a CSR or a one-time .pfx. Database
 * changes and their events commit together; SMS and REST calls happen outside transactions.
 */
@ApplicationScoped
public class KeyApplicationService {

    private static final Logger LOG = Logger.getLogger(KeyApplicationService.class);
    public static final String PHONE_PURPOSE = "phone";

    private final KeyApplicationStore applications;
    private final OneTimeCodeStore codes;
    private final CertificateStore certificates;
    private final OneTimeCodes oneTimeCodes;
    private final SmsGateway sms;
    private final PaymentsClient payments;
    private final CaHolder ca;
    private final Outbox outbox;
    private final Clock clock;

    public KeyApplicationService(KeyApplicationStore applications, OneTimeCodeStore codes, CertificateStore certificates,
                                 SmsGateway sms, PaymentsClient payments, CaHolder ca, Outbox outbox, Clock clock,
                                 SignatureConfig config) {
        this.applications = applications;
        this.codes = codes;
        this.certificates = certificates;
        this.sms = sms;
        this.payments = payments;
        this.ca = ca;
        this.outbox = outbox;
        this.clock = clock;
        SignatureConfig.Codes c = config.codes();
        this.oneTimeCodes = new OneTimeCodes(new OneTimeCodes.Policy(c.ttl(), c.maxAttempts(), c.resendInterval(),
                c.maxSendsPerHour(), 6), c.pepper().map(p -> p.getBytes(StandardCharsets.UTF_8)).orElse(null), ca.random());
    }

    public OneTimeCodes oneTimeCodes() {
        return oneTimeCodes;
    }

    /** Stores a new application, announces it, and texts the first phone code. */
    public KeyApplication submit(KeyApplication a) {
        Instant now = clock.instant();
        a.id = UUID.randomUUID();
        a.status = KeyApplicationStatus.SUBMITTED;
        a.submittedAt = now;
        OneTimeCodes.Issued code = QuarkusTransaction.requiringNew().call(() -> {
            applications.insert(a);
            outbox.publish(new KeyApplicationSubmittedV1(a.id.toString(), a.applicantType.name(), a.channel.name(),
                    a.maskedIdentifier(), a.region, a.district, now));
            OneTimeCodes.Issued issued = oneTimeCodes.issue(PHONE_PURPOSE, a.id.toString(), null, now);
            codes.save(PHONE_PURPOSE, a.id.toString(), issued.state());
            return issued;
        });
        try {
            sendCode(a, code, "phone check");
        } catch (ProblemException e) {
            // The application is stored: answer 201 anyway; the applicant asks for a new code (POST …/phone-code).
            LOG.warnf("Key application %s submitted but its first SMS failed; a new code can be requested", a.id);
        }
        LOG.infof("Key application %s submitted (%s, %s, %s)", a.id, a.applicantType, a.channel, a.maskedIdentifier());
        return a;
    }

    /** One SELECT in auto-commit: a JTA transaction around it would only add a COMMIT round trip. */
    public Optional<KeyApplication> find(UUID id) {
        return applications.find(id, false);
    }

    /** Sends a new phone code (rate-limited). */
    public void resendPhoneCode(KeyApplication a) {
        if (a.status != KeyApplicationStatus.SUBMITTED) {
            throw ProblemException.conflict("phone-already-verified", "The phone number is already verified",
                    "The key application is " + a.status);
        }
        OneTimeCodes.Issued code = QuarkusTransaction.requiringNew().call(() -> {
            OneTimeCodes.State previous = codes.find(PHONE_PURPOSE, a.id.toString()).orElse(null);
            OneTimeCodes.Issued issued = oneTimeCodes.issue(PHONE_PURPOSE, a.id.toString(), previous, clock.instant());
            codes.save(PHONE_PURPOSE, a.id.toString(), issued.state());
            return issued;
        });
        sendCode(a, code, "phone check");
    }

    private void sendCode(KeyApplication a, OneTimeCodes.Issued code, String what) {
        try {
            sms.send(a.phone.e164(), "Kerege: your " + what + " code is " + code.code() + ". Never share it.");
        } catch (SmsGateway.SmsFailedException e) {
            LOG.warnf("SMS for key application %s to %s failed: %s", a.id, a.phone.masked(), e.getMessage());
            throw new ProblemException(503, "sms-unavailable", "The SMS could not be sent",
                    "The SMS gateway did not accept the message; ask for a new code in a minute.");
        }
    }

    /** Checks the typed code; on success the phone is verified and the fee invoice is asked for. */
    public KeyApplication verifyPhone(UUID id, String typed) {
        Checked checked = QuarkusTransaction.requiringNew().call(() -> {
            KeyApplication a = applications.find(id, true).orElseThrow(() -> notFound(id));
            if (a.status != KeyApplicationStatus.SUBMITTED) {
                throw ProblemException.conflict("phone-already-verified", "The phone number is already verified",
                        "The key application is " + a.status);
            }
            Instant now = clock.instant();
            OneTimeCodes.State state = codes.find(PHONE_PURPOSE, id.toString()).orElse(null);
            OneTimeCodes.Verification v = oneTimeCodes.verify(PHONE_PURPOSE, id.toString(), state, typed, now);
            if (v.state() != null && v.state() != state) {
                codes.save(PHONE_PURPOSE, id.toString(), v.state()); // the attempt counts even when the code is wrong
            }
            if (v.outcome() == OneTimeCodes.Outcome.ACCEPTED) {
                a.apply(KeyApplicationAction.VERIFY_PHONE);
                a.phoneVerifiedAt = now;
                applications.update(a);
            }
            return new Checked(a, v);
        });
        if (checked.verification().outcome() != OneTimeCodes.Outcome.ACCEPTED) {
            throw codeProblem(checked.verification());
        }
        return invoice(checked.application());
    }

    private record Checked(KeyApplication application, OneTimeCodes.Verification verification) {
    }

    /** The problem answer of a code that was not accepted. */
    public static ProblemException codeProblem(OneTimeCodes.Verification v) {
        return switch (v.outcome()) {
            case WRONG -> new ProblemException(422, "wrong-code", "The code is wrong",
                    "The code does not match; " + v.attemptsLeft() + " attempts left.");
            case LOCKED -> new ProblemException(422, "code-locked", "Too many wrong codes",
                    "The code is locked after too many wrong attempts; ask for a new code.");
            case EXPIRED -> new ProblemException(422, "code-expired", "The code has expired", "Ask for a new code.");
            case NO_CODE, ALREADY_USED, ACCEPTED -> new ProblemException(422, "no-code", "No code is pending",
                    "Ask for a new code.");
        };
    }

    /** Asks payments-service for the fee invoice (idempotent); leaves PHONE_VERIFIED when it is unreachable. */
    public KeyApplication invoice(KeyApplication a) {
        if (a.status != KeyApplicationStatus.PHONE_VERIFIED) {
            return a;
        }
        PaymentsClient.Invoice invoice;
        try {
            invoice = payments.createInvoice(a.id, a.applicantType, a.channel);
        } catch (PaymentsClient.PaymentsUnavailableException e) {
            LOG.warnf("Fee invoice for key application %s not issued yet: %s", a.id, e.getMessage());
            return a;
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            KeyApplication current = applications.find(a.id, true).orElseThrow(() -> notFound(a.id));
            if (current.status != KeyApplicationStatus.PHONE_VERIFIED) {
                return current;
            }
            current.apply(KeyApplicationAction.INVOICE_FEE);
            current.invoiceId = invoice.id();
            current.paymentCode = invoice.paymentCode();
            current.feeTotalMinor = invoice.totalMinor();
            current.feeCurrency = invoice.currency();
            applications.update(current);
            return current;
        });
    }

    /** payment-received of the application's invoice (inbox transaction). Unknown invoices are not ours. */
    public void recordPayment(UUID invoiceId, String paymentId, Instant paidAt) {
        Optional<KeyApplication> found = applications.findByInvoice(invoiceId);
        if (found.isEmpty()) {
            LOG.debugf("payment-received for invoice %s, which is no key application's", invoiceId);
            return;
        }
        KeyApplication a = found.get();
        if (a.status != KeyApplicationStatus.FEE_INVOICED) {
            LOG.infof("payment-received for key application %s in status %s: nothing to do", a.id, a.status);
            return;
        }
        a.apply(KeyApplicationAction.RECORD_PAYMENT);
        a.paidAt = paidAt;
        a.paymentId = paymentId;
        applications.update(a);
        LOG.infof("Key application %s paid", a.id);
    }

    /** An officer's identity decision; who and when are recorded. */
    public KeyApplication identityCheck(UUID id, boolean approved, String note, String officer) {
        return QuarkusTransaction.requiringNew().call(() -> {
            KeyApplication a = applications.find(id, true).orElseThrow(() -> notFound(id));
            transition(a, approved ? KeyApplicationAction.APPROVE_IDENTITY : KeyApplicationAction.REJECT_IDENTITY);
            a.identityCheckedBy = officer;
            a.identityCheckedAt = clock.instant();
            a.identityNote = note;
            applications.update(a);
            return a;
        });
    }

    /** Online flow: certify the applicant's own key (CSR with proof of possession). */
    public X509Certificate issueFromCsr(UUID id, byte[] csr) {
        CsrCheck.Accepted accepted = CsrCheck.check(csr);
        return QuarkusTransaction.requiringNew().call(() -> issue(id, accepted.publicKey(), accepted.keyType()));
    }

    /**
     * Service-centre flow: a key pair generated here, returned once as a .pfx under the applicant's
     * password. Neither the key nor the password nor the file is stored; the application becomes ISSUED
     * in the same transaction, so a second download finds it ISSUED and is refused.
     *
     * <p>{@code read} is the application as the caller read it, without a lock. What it would refuse anyway (already
     * issued, not ready to issue) is refused on it <em>before</em> the costly key generation (an RSA-2048 pair is tens
     * of milliseconds of CPU), so a repeated download or a premature call costs no key pair and no second read;
     * {@link #issue} checks again under the row lock.
     */
    public byte[] issuePfx(KeyApplication read, char[] password, KeyAlgorithm algorithm) {
        try {
            checkIssuable(read); // on a copy read without a lock, never written
            KeyPair pair = algorithm.generate(null);
            X509Certificate cert = QuarkusTransaction.requiringNew().call(() -> issue(read.id, pair.getPublic(), algorithm.name()));
            return PfxWriter.write("ENQ " + CertificateAuthority.hex(cert.getSerialNumber()), pair.getPrivate(), cert,
                    ca.ca().chain(), password);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private static void checkIssuable(KeyApplication a) {
        if (a.status == KeyApplicationStatus.ISSUED) {
            throw new ProblemException(410, "already-issued", "The key was already issued",
                    "A certificate was already issued for this application; a .pfx is handed over only once.");
        }
        transition(a, KeyApplicationAction.ISSUE);
    }

    private X509Certificate issue(UUID id, PublicKey key, String keyType) {
        KeyApplication a = applications.find(id, true).orElseThrow(() -> notFound(id));
        checkIssuable(a);
        Instant now = clock.instant();
        CertificateAuthority authority = ca.ca();
        X509Certificate cert = authority.issue(holder(a), key, authority.newSerial(), now);
        String serial = CertificateAuthority.hex(cert.getSerialNumber());
        certificates.insert(new CertificateStore.Row(serial, a.id, a.applicantType.name(), a.maskedIdentifier(), keyType,
                Pem.of(cert), cert.getNotBefore().toInstant(), cert.getNotAfter().toInstant(), now, null, null, null,
                null));
        a.certificateSerial = serial;
        a.issuedAt = now;
        applications.update(a);
        outbox.publish(new CertificateIssuedV1(serial, a.id.toString(), null, a.applicantType.name(), a.maskedIdentifier(),
                cert.getNotBefore().toInstant(), cert.getNotAfter().toInstant(), now));
        LOG.infof("Certificate %s issued for key application %s (%s)", serial, a.id, keyType);
        return cert;
    }

    /** The stored PEM of an issued certificate. */
    public String certificatePem(String serial) {
        return QuarkusTransaction.requiringNew().call(() -> certificates.find(serial, false))
                .map(CertificateStore.Row::pem).orElseThrow(() -> ProblemException.notFound("Certificate", serial));
    }

    public static HolderProfile holder(KeyApplication a) {
        return new HolderProfile(a.applicantType, a.holderName, a.pinfl, a.organisation, a.tin);
    }

    private static void transition(KeyApplication a, KeyApplicationAction action) {
        try {
            a.apply(action);
        } catch (org.kerege.signature.application.domain.IllegalTransitionException e) {
            throw ProblemException.conflict("illegal-transition", "Not possible in the application's current status",
                    e.getMessage());
        }
    }

    static ProblemException notFound(UUID id) {
        return ProblemException.notFound("Key application", id.toString());
    }
}
