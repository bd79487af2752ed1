package org.kerege.requirements.catalog.domain;

/**
 * A condition the applicant must meet. When it is FALSE the applicant is not eligible and
 * {@code reason} says why; when it is UNKNOWN the answer is "cannot tell yet".
 *
 * @param id        stable key, e.g. {@code not-citizen-of-bordering-state}
 * @param condition what must hold
 * @param reason    the rule in words (reads both as the requirement and as the refusal reason)
 */
public record EligibilityRule(String id, Condition condition, LocalizedText reason) {

    public EligibilityRule {
        condition = condition == null ? Condition.ALWAYS : condition;
        reason = reason == null ? LocalizedText.EMPTY : reason;
    }
}
