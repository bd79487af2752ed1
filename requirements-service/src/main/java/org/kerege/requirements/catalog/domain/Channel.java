package org.kerege.requirements.catalog.domain;

/**
 * A way to apply.
 *
 * @param id     stable key; for Uzbekistan equal to the values of the {@code channel} fact
 * @param name   e.g. "Public Services Centre"
 * @param online true for a website or app
 * @param url    the address, for online channels
 */
public record Channel(String id, LocalizedText name, boolean online, String url) {

    public Channel {
        name = name == null ? LocalizedText.EMPTY : name;
    }
}
