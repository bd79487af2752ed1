package org.kerege.platform.auth;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.kerege.platform.problem.ProblemException;

/**
 * Who is calling: the verified token's subject, role and claims. Resources use it for ownership
 * checks ("a citizen sees only their own application", "an officer acts only for their office").
 */
@RequestScoped
public class Caller {

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken token;

    public boolean isAnonymous() {
        return identity.isAnonymous();
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    /** The token's subject: a person's identifier for citizens, a client id for services. */
    public String subject() {
        requireAuthenticated();
        String subject = token.getSubject();
        return subject != null ? subject : identity.getPrincipal().getName();
    }

    /** A string claim of the token, e.g. {@code office} or {@code bank}. */
    public Optional<String> claim(String name) {
        if (identity.isAnonymous()) {
            return Optional.empty();
        }
        Object value = token.getClaim(name);
        if (value == null) {
            return Optional.empty();
        }
        String text = value.toString();
        if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
            text = text.substring(1, text.length() - 1);
        }
        return Optional.of(text);
    }

    /** The office an officer's token is bound to; 403 when the token has none. */
    public String office() {
        return claim("office").orElseThrow(() -> forbidden("The officer token names no office."));
    }

    /** The bank a bank token is bound to; 403 when the token has none. */
    public String bank() {
        return claim("bank").orElseThrow(() -> forbidden("The bank token names no bank."));
    }

    /** 403 unless the caller is the owner or holds one of the given roles. */
    public void requireSubjectOrRole(String owner, String... roles) {
        requireAuthenticated();
        for (String role : roles) {
            if (identity.hasRole(role)) {
                return;
            }
        }
        if (owner == null || !owner.equals(subject())) {
            throw forbidden("This record belongs to someone else.");
        }
    }

    private void requireAuthenticated() {
        if (identity.isAnonymous()) {
            throw new io.quarkus.security.UnauthorizedException();
        }
    }

    private static ProblemException forbidden(String detail) {
        return new ProblemException(403, "forbidden", "Forbidden", detail);
    }
}
