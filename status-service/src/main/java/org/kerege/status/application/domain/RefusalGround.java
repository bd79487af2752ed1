package org.kerege.status.application.domain;

/** A refusal ground a source lists (e.g. the 9 grounds of 003), by code, with its English text. */
public record RefusalGround(String code, String en) {
}
