package org.kerege.signature.application.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.kerege.platform.auth.Caller;
import org.kerege.platform.auth.Roles;
import org.kerege.platform.problem.ProblemException;
import org.kerege.signature.application.KeyApplicationService;
import org.kerege.signature.application.Pem;
import org.kerege.signature.application.domain.KeyApplication;
import org.kerege.signature.ca.CaHolder;
import org.kerege.signature.ca.domain.KeyAlgorithm;
import org.kerege.signature.identity.domain.ApplicantType;
import org.kerege.signature.identity.domain.Channel;
import org.kerege.signature.identity.domain.Pinfl;
import org.kerege.signature.identity.domain.PhoneNumber;
import org.kerege.signature.identity.domain.Tin;

/** Applications for an electronic signature key (ENQ, source 004) up to the issued certificate. */
@Path("/v1/key-applications")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Key applications")
public class KeyApplicationResource {

    public static final String PEM = "application/x-pem-file";
    public static final String PKCS10 = "application/pkcs10";
    public static final String PKCS12 = "application/x-pkcs12";

    private final KeyApplicationService service;
    private final CaHolder ca;
    private final Caller caller;

    public KeyApplicationResource(KeyApplicationService service, CaHolder ca, Caller caller) {
        this.service = service;
        this.ca = ca;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CITIZEN, Roles.OFFICER, Roles.PARTNER})
    @Operation(summary = "Apply for an e-signature key (citizen, officer, partner)",
            description = "Validates the PINFL (14 digits; format only), the TIN of a legal entity (9 digits), the mobile "
                    + "number (E.164 via libphonenumber, Uzbek by default) and texts a 6-digit code to it (straight to the "
                    + "SMS gateway, never through an event). A citizen applies for themself (token subject = PINFL) online "
                    + "(PORTAL or E_IMZO); an officer at a service centre (SERVICE_CENTRE). Announces "
                    + "key-application-submitted with the identifier masked.")
    @APIResponse(responseCode = "201", description = "Submitted; an SMS code was sent",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = KeyApplicationView.class)))
    public Response submit(@Valid @NotNull(message = "the application is required") SubmitKeyApplicationRequest request) {
        KeyApplication a = new KeyApplication();
        a.applicantType = ApplicantType.valueOf(request.applicantType());
        a.channel = Channel.valueOf(request.channel());
        a.pinfl = Pinfl.of(request.pinfl());
        if (a.applicantType == ApplicantType.LEGAL_ENTITY) {
            if (request.tin() == null) {
                throw ProblemException.invalidField("tin", "is required for a legal entity");
            }
            if (request.organisation() == null || request.organisation().isBlank()) {
                throw ProblemException.invalidField("organisation", "is required for a legal entity");
            }
            a.tin = Tin.of(request.tin());
            a.organisation = request.organisation().strip();
        } else if (request.tin() != null || request.organisation() != null) {
            throw ProblemException.invalidField(request.tin() != null ? "tin" : "organisation",
                    "only for a legal entity");
        }
        a.phone = PhoneNumber.parse(request.phone());
        a.holderName = request.holderName().strip();
        a.region = request.region().strip();
        a.district = request.district().strip();
        if (caller.hasRole(Roles.CITIZEN)) {
            if (!a.pinfl.value().equals(caller.subject())) {
                throw new ProblemException(403, "forbidden", "Forbidden",
                        "A citizen applies only for a key of their own (the token's subject is the PINFL).");
            }
            if (a.channel == Channel.SERVICE_CENTRE) {
                throw ProblemException.ruleViolated("wrong-channel", "Not a citizen's channel",
                        "Applications at a service centre are entered by an officer.");
            }
            a.submittedRole = Roles.CITIZEN;
        } else if (caller.hasRole(Roles.OFFICER)) {
            if (a.channel != Channel.SERVICE_CENTRE) {
                throw ProblemException.ruleViolated("wrong-channel", "Not an officer's channel",
                        "An officer enters applications made at a service centre (channel SERVICE_CENTRE).");
            }
            a.office = caller.office();
            a.submittedRole = Roles.OFFICER;
        } else {
            if (a.channel == Channel.SERVICE_CENTRE) {
                throw ProblemException.ruleViolated("wrong-channel", "Not a partner's channel",
                        "Applications at a service centre are entered by an officer.");
            }
            a.submittedRole = Roles.PARTNER;
        }
        a.submittedBy = caller.subject();
        KeyApplication saved = service.submit(a);
        return Response.created(URI.create("/v1/key-applications/" + saved.id)).entity(KeyApplicationView.of(saved)).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.CITIZEN, Roles.OFFICER, Roles.PARTNER, Roles.ADMIN})
    @Operation(summary = "A key application (its applicant, officer, partner, admin)")
    public KeyApplicationView get(@PathParam("id") @Parameter(description = "Key application id (UUID)") String id) {
        return KeyApplicationView.of(load(id));
    }

    @POST
    @Path("/{id}/phone-code")
    @RolesAllowed({Roles.CITIZEN, Roles.OFFICER, Roles.PARTNER})
    @Operation(summary = "Send a new SMS code (rate-limited)",
            description = "At most one SMS per minute and five per hour per application (429 too-many-codes, Retry-After). "
                    + "409 phone-already-verified.")
    @APIResponse(responseCode = "202", description = "Sent")
    public Response resendCode(@PathParam("id") @Parameter(description = "Key application id (UUID)") String id) {
        service.resendPhoneCode(load(id));
        return Response.accepted().build();
    }

    @POST
    @Path("/{id}/verify-phone")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CITIZEN, Roles.OFFICER, Roles.PARTNER})
    @Operation(summary = "Type back the SMS code",
            description = "The code is valid 5 minutes and locked after 5 wrong attempts (422 wrong-code, code-locked, "
                    + "code-expired, no-code). On success the fee invoice is asked from payments-service (fee uz.e-key: 1 % "
                    + "of BHM for a person, 7 % for a legal entity, 10 % off through my.gov.uz); the answer is FEE_INVOICED "
                    + "with the payment code, or PHONE_VERIFIED when payments-service could not be reached (retry with "
                    + "POST …/invoice).")
    public KeyApplicationView verifyPhone(@PathParam("id") @Parameter(description = "Key application id (UUID)") String id,
                                          @Valid @NotNull(message = "the code is required") CodeRequest request) {
        KeyApplication a = load(id);
        return KeyApplicationView.of(service.verifyPhone(a.id, request.code()));
    }

    @POST
    @Path("/{id}/invoice")
    @RolesAllowed({Roles.CITIZEN, Roles.OFFICER, Roles.PARTNER, Roles.ADMIN})
    @Operation(summary = "Ask payments-service for the fee invoice again (after it was unreachable)",
            description = "Idempotent: payments-service gets the same Idempotency-Key for one application.")
    public KeyApplicationView invoice(@PathParam("id") @Parameter(description = "Key application id (UUID)") String id) {
        return KeyApplicationView.of(service.invoice(load(id)));
    }

    @POST
    @Path("/{id}/identity-check")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OFFICER})
    @Operation(summary = "Record the identity check (officer)",
            description = "Approval after payment: PAID → IDENTITY_CHECKED; refusal → REJECTED. The officer and the time "
                    + "are recorded. 409 illegal-transition in another status.")
    public KeyApplicationView identityCheck(@PathParam("id") @Parameter(description = "Key application id (UUID)") String id,
                                            @Valid @NotNull(message = "the decision is required") IdentityCheckRequest request) {
        KeyApplication a = load(id);
        return KeyApplicationView.of(service.identityCheck(a.id, request.approved(), request.note(), caller.subject()));
    }

    @POST
    @Path("/{id}/csr")
    @Consumes(PKCS10)
    @Produces(PEM)
    @RolesAllowed({Roles.CITIZEN, Roles.OFFICER, Roles.PARTNER})
    @Operation(summary = "Certify the applicant's own key (PKCS#10 CSR, PEM or DER)",
            description = "Online flow: the key pair was made on the applicant's side and never reaches us. The CSR's "
                    + "signature must verify (proof of possession); RSA ≥ 2048 bits or EC P-256. The subject comes from "
                    + "the application, not the CSR. Answers the certificate and its chain (PEM). 400 for a malformed "
                    + "CSR, 409 illegal-transition before the identity check, 410 already-issued.")
    @RequestBody(content = @Content(mediaType = PKCS10, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
            example = "-----BEGIN CERTIFICATE REQUEST-----\nMIIBDzCBtgIBADAUMRIwEAYDVQQDDAlhcHBsaWNhbnQ...\n-----END CERTIFICATE REQUEST-----")))
    @APIResponse(responseCode = "201", description = "Issued", content = @Content(mediaType = PEM))
    public Response csr(@PathParam("id") @Parameter(description = "Key application id (UUID)") String id, byte[] body) {
        KeyApplication a = load(id);
        X509Certificate cert = service.issueFromCsr(a.id, body);
        return Response.status(201).type(PEM).entity(chainPem(cert)).build();
    }

    @POST
    @Path("/{id}/pfx")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(PKCS12)
    @RolesAllowed({Roles.OFFICER})
    @Operation(summary = "Generate the key and hand it over once as a .pfx (officer, service centre)",
            description = "Generates the key pair, issues the certificate and answers ONE PKCS#12 file encrypted with the "
                    + "applicant's password (PBES2: PBKDF2-HMAC-SHA256, AES-256-CBC; HMAC-SHA256 MAC). Neither the key, "
                    + "the password nor the file is kept: a second request answers 410 already-issued. 409 "
                    + "illegal-transition before the identity check; 422 wrong-channel for an online application.")
    @APIResponse(responseCode = "200", description = "The .pfx", content = @Content(mediaType = PKCS12))
    public Response pfx(@PathParam("id") @Parameter(description = "Key application id (UUID)") String id,
                        @Valid @NotNull(message = "the password is required") PfxRequest request) {
        KeyApplication a = load(id);
        if (a.channel != Channel.SERVICE_CENTRE) {
            throw ProblemException.ruleViolated("wrong-channel", "Online applications certify a CSR",
                    "On the portal and e-imzo.uz the key is made on the applicant's side: send a CSR.");
        }
        KeyAlgorithm algorithm = request.keyAlgorithm() == null ? KeyAlgorithm.RSA_2048
                : KeyAlgorithm.valueOf(request.keyAlgorithm());
        byte[] pfx = service.issuePfx(a, request.password().toCharArray(), algorithm);
        return Response.ok(pfx, PKCS12)
                .header("Content-Disposition", "attachment; filename=\"enq-" + a.id + ".pfx\"")
                .header("Cache-Control", "no-store")
                .build();
    }

    @GET
    @Path("/{id}/certificate")
    @Produces(PEM)
    @RolesAllowed({Roles.CITIZEN, Roles.OFFICER, Roles.PARTNER, Roles.ADMIN})
    @Operation(summary = "The issued certificate and its chain (PEM)", description = "404 before issuance.")
    @APIResponse(responseCode = "200", description = "PEM: holder certificate, issuing CA, root CA",
            content = @Content(mediaType = PEM))
    public Response certificate(@PathParam("id") @Parameter(description = "Key application id (UUID)") String id) {
        KeyApplication a = load(id);
        if (a.certificateSerial == null) {
            throw ProblemException.notFound("Certificate of key application", a.id.toString());
        }
        return Response.ok(service.certificatePem(a.certificateSerial) + chainPemOnly(), PEM).build();
    }

    private String chainPem(X509Certificate cert) {
        return Pem.of(cert) + chainPemOnly();
    }

    private String chainPemOnly() {
        StringBuilder b = new StringBuilder();
        ca.ca().chain().forEach(c -> b.append(Pem.of(c)));
        return b.toString();
    }

    /** The application, if the caller may see it: 404 for malformed or unknown ids, 403 for someone else's. */
    private KeyApplication load(String text) {
        UUID id = null;
        try {
            if (text != null && text.length() == 36) {
                id = UUID.fromString(text);
            }
        } catch (IllegalArgumentException e) {
            id = null;
        }
        if (id == null) {
            throw ProblemException.notFound("Key application", text == null ? "" : text.substring(0, Math.min(40, text.length())));
        }
        UUID found = id;
        KeyApplication a = service.find(id).orElseThrow(() -> ProblemException.notFound("Key application", found.toString()));
        caller.requireSubjectOrRole(a.pinfl.value(), Roles.OFFICER, Roles.PARTNER, Roles.ADMIN);
        return a;
    }
}
