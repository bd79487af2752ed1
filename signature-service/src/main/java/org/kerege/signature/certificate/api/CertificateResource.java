package org.kerege.signature.certificate.api;

import jakarta.annotation.security.PermitAll;
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
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Base64;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.kerege.platform.auth.Caller;
import org.kerege.platform.auth.Roles;
import org.kerege.platform.problem.ProblemException;
import org.kerege.signature.application.Pem;
import org.kerege.signature.application.api.KeyApplicationResource;
import org.kerege.signature.ca.CaHolder;
import org.kerege.signature.ca.domain.CertificateAuthority;
import org.kerege.signature.ca.domain.RevocationReason;
import org.kerege.signature.ca.domain.SignatureVerifier;
import org.kerege.signature.certificate.CertificateService;
import org.kerege.signature.certificate.persistence.CertificateStore;

/** Certificates: lookup, revocation, renewal; the CRL, the OCSP responder, the CA chain and signature verification. */
@Path("/v1")
@Tag(name = "Certificates")
public class CertificateResource {

    public static final String CRL = "application/pkix-crl";
    public static final String OCSP_REQUEST = "application/ocsp-request";
    public static final String OCSP_RESPONSE = "application/ocsp-response";

    private final CertificateService service;
    private final CaHolder ca;
    private final Caller caller;
    private final Clock clock;

    public CertificateResource(CertificateService service, CaHolder ca, Caller caller, Clock clock) {
        this.service = service;
        this.ca = ca;
        this.caller = caller;
        this.clock = clock;
    }

    @GET
    @Path("/certificates/{serial}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CITIZEN, Roles.OFFICER, Roles.PARTNER, Roles.ADMIN, Roles.SERVICE})
    @Operation(summary = "A certificate and its status (its holder, officer, partner, admin, service)")
    public CertificateView get(@PathParam("serial") @Parameter(description = "Serial number, hex",
            example = "5A1F0C9E2B7D4E6F8A9B0C1D2E3F4051") String serial) {
        return CertificateView.of(load(serial).certificate(), clock.instant());
    }

    @POST
    @Path("/certificates/{serial}/revocation-code")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CITIZEN})
    @Operation(summary = "Text the holder a code to revoke their certificate (holder)",
            description = "The code goes to the phone of the key application; rate-limited like the phone check (429).")
    @APIResponse(responseCode = "202", description = "Sent")
    public Response revocationCode(@PathParam("serial") @Parameter(description = "Serial number, hex") String serial) {
        service.sendRevocationCode(load(serial));
        return Response.accepted().build();
    }

    @POST
    @Path("/certificates/{serial}/revoke")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CITIZEN, Roles.OFFICER, Roles.ADMIN})
    @Operation(summary = "Revoke a certificate (holder with the SMS code, officer, admin)",
            description = "From now on the CRL and OCSP answer revoked; announces certificate-revoked. 409 already-revoked; "
                    + "422 wrong-code / code-locked / code-expired / no-code for a holder.")
    public CertificateView revoke(@PathParam("serial") @Parameter(description = "Serial number, hex") String serial,
                                  @Valid @NotNull(message = "the reason is required") RevokeRequest request) {
        CertificateService.Found found = load(serial);
        String by;
        if (caller.hasRole(Roles.OFFICER)) {
            by = "officer";
        } else if (caller.hasRole(Roles.ADMIN)) {
            by = "admin";
        } else {
            by = "holder";
            if (request.code() == null) {
                throw ProblemException.invalidField("code", "is required when the holder revokes");
            }
        }
        return CertificateView.of(service.revoke(found.certificate().serial(), RevocationReason.valueOf(request.reason()),
                by, request.code()), clock.instant());
    }

    @POST
    @Path("/certificates/{serial}/renew")
    @Consumes(KeyApplicationResource.PKCS10)
    @Produces(KeyApplicationResource.PEM)
    @RolesAllowed({Roles.CITIZEN})
    @Operation(summary = "Renew online while the certificate is valid (holder, new key pair as a CSR)",
            description = "A new certificate for a NEW key with the holder data of the old one; the old certificate is "
                    + "revoked as SUPERSEDED. 422 certificate-expired, same-key; 409 already-revoked.")
    @RequestBody(content = @Content(mediaType = KeyApplicationResource.PKCS10, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "201", description = "The new certificate and chain (PEM)",
            content = @Content(mediaType = KeyApplicationResource.PEM))
    public Response renew(@PathParam("serial") @Parameter(description = "Serial number, hex") String serial, byte[] body) {
        CertificateService.Found found = load(serial);
        X509Certificate cert = service.renew(found.certificate().serial(), body, caller.subject());
        StringBuilder pem = new StringBuilder(Pem.of(cert));
        ca.ca().chain().forEach(c -> pem.append(Pem.of(c)));
        return Response.status(201).type(KeyApplicationResource.PEM).entity(pem.toString()).build();
    }

    @GET
    @Path("/crl")
    @Produces(CRL)
    @PermitAll
    @Operation(summary = "The certificate revocation list (DER, signed by the issuing CA)",
            description = "Every revoked certificate not yet expired; nextUpdate = now + 24 h.")
    @APIResponse(responseCode = "200", description = "CRL", content = @Content(mediaType = CRL))
    public Response crl() {
        return Response.ok(service.crl(), CRL).header("Cache-Control", "max-age=300").build();
    }

    @POST
    @Path("/ocsp")
    @Consumes(OCSP_REQUEST)
    @Produces(OCSP_RESPONSE)
    @PermitAll
    @Operation(summary = "OCSP responder (RFC 6960)",
            description = "good / revoked / unknown per certificate id, signed by the issuing CA, nonce echoed. A body "
                    + "that is not a DER OCSP request answers 400 (problem document).")
    @RequestBody(content = @Content(mediaType = OCSP_REQUEST, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "200", description = "OCSP response", content = @Content(mediaType = OCSP_RESPONSE))
    public Response ocsp(byte[] body) {
        return Response.ok(service.ocsp(body), OCSP_RESPONSE).build();
    }

    @GET
    @Path("/ca/chain")
    @Produces(KeyApplicationResource.PEM)
    @PermitAll
    @Operation(summary = "The CA certificates (PEM): issuing CA, then root CA")
    @APIResponse(responseCode = "200", description = "PEM", content = @Content(mediaType = KeyApplicationResource.PEM))
    public Response chain() {
        StringBuilder pem = new StringBuilder();
        ca.ca().chain().forEach(c -> pem.append(Pem.of(c)));
        return Response.ok(pem.toString(), KeyApplicationResource.PEM).build();
    }

    @POST
    @Path("/verify")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @PermitAll
    @Operation(summary = "Verify a CMS/PKCS#7 signature",
            description = "Signature over the data (attached, or detached with data), signer's certificate chained to the "
                    + "Kerege root, validity at the signing time (signingTime attribute, else now), and revocation — checked "
                    + "by default; a status that cannot be determined makes the answer not valid. A signature made before a "
                    + "revocation (other than key compromise) stays valid. 400 when the bytes are not CMS.")
    public SignatureVerifier.Result verify(@Valid @NotNull(message = "the signature is required") VerifyRequest request) {
        byte[] cms = decode("signature", request.signature());
        byte[] data = request.data() == null ? null : decode("data", request.data());
        return service.verify(cms, data, request.checkRevocation() == null || request.checkRevocation());
    }

    private static byte[] decode(String field, String text) {
        String t = text.strip();
        if (t.startsWith("-----BEGIN")) {
            t = t.replaceAll("-----(BEGIN|END) [A-Z0-9 #]+-----", "");
        }
        try {
            return Base64.getMimeDecoder().decode(t.getBytes(StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField(field, "must be base64");
        }
    }

    private CertificateService.Found load(String serial) {
        if (CertificateAuthority.parseHex(serial) == null) {
            throw ProblemException.notFound("Certificate", serial == null ? "" : serial.substring(0, Math.min(40, serial.length())));
        }
        CertificateService.Found found = service.find(serial.toUpperCase())
                .orElseThrow(() -> ProblemException.notFound("Certificate", serial));
        caller.requireSubjectOrRole(found.application().pinfl.value(), Roles.OFFICER, Roles.PARTNER, Roles.ADMIN,
                Roles.SERVICE);
        return found;
    }
}
