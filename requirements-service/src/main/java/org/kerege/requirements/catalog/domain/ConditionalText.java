package org.kerege.requirements.catalog.domain;

/** A text shown when its condition holds (always by default): a place, an in-person step, a note. */
public record ConditionalText(Condition condition, LocalizedText text) {

    public ConditionalText {
        condition = condition == null ? Condition.ALWAYS : condition;
        text = text == null ? LocalizedText.EMPTY : text;
    }
}
