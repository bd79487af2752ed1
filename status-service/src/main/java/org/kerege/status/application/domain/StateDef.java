package org.kerege.status.application.domain;

import java.util.Map;

/**
 * A state of a workflow.
 *
 * @param terminal whether the application is finished there (no edge leaves a terminal state)
 * @param nextStep what the applicant does or waits for next, by language ({@code en} always present)
 */
public record StateDef(String name, boolean terminal, Map<String, String> nextStep) {

    public StateDef {
        nextStep = nextStep == null ? Map.of() : Map.copyOf(nextStep);
    }

    /**
     * The next step in a language: that language when the file has it; else Russian for the languages of
     * Kyrgyzstan, Kazakhstan and Uzbekistan (where Russian is an official or common second language of
     * the services); else English.
     */
    public String nextStep(String language) {
        String text = nextStep.get(language);
        if (text == null && java.util.Set.of("ky", "kk", "uz", "kaa").contains(language)) {
            text = nextStep.get("ru");
        }
        return text != null ? text : nextStep.get("en");
    }
}
