package org.kerege.signature.sms;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * For the local run only: appends each message to a file a developer can read ({@code data/signature/sms-outbox.txt}),
 * and keeps the last ones in memory for tests. Never writes them to the log.
 */
public final class LocalSmsGateway implements SmsGateway {

    /** One message. */
    public record Message(String to, String text) {
        @Override
        public String toString() {
            return "Message[to=" + to.substring(0, Math.min(5, to.length())) + "…]";
        }
    }

    private final Path file;
    private final Clock clock;
    private final List<Message> recent = new ArrayList<>();

    public LocalSmsGateway(Path file, Clock clock) {
        this.file = file;
        this.clock = clock;
    }

    public Path file() {
        return file;
    }

    @Override
    public synchronized void send(String e164, String text) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Files.writeString(file, clock.instant() + " to " + e164 + ": " + text + System.lineSeparator(),
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new SmsFailedException("cannot write the local SMS file: " + e.getMessage());
        }
        recent.add(new Message(e164, text));
        if (recent.size() > 1000) {
            recent.remove(0);
        }
    }

    /** The last message sent to a number (tests). */
    public synchronized Optional<Message> lastTo(String e164) {
        for (int i = recent.size() - 1; i >= 0; i--) {
            if (recent.get(i).to().equals(e164)) {
                return Optional.of(recent.get(i));
            }
        }
        return Optional.empty();
    }
}
