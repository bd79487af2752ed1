package org.kerege.appointments.queue.domain;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Who a counter calls next (the SQL of call-next says the same, see TicketStore):
 * <ol>
 *   <li>booked visitors whose time has come (due at or before now), earliest due first;</li>
 *   <li>at a priority counter, priority-group tickets, first come first served;</li>
 *   <li>everyone else, first come first served.</li>
 * </ol>
 * Only tickets of services the counter takes are considered.
 */
public final class QueueOrder {

    private QueueOrder() {
    }

    /** 0 = booked and due, 1 = priority at a priority counter, 2 = everyone else. */
    public static int rank(QueuedTicket t, Instant now, boolean priorityCounter) {
        if (t.kind() == TicketKind.BOOKED && t.dueAt() != null && !t.dueAt().isAfter(now)) {
            return 0;
        }
        if (priorityCounter && t.priority()) {
            return 1;
        }
        return 2;
    }

    public static Comparator<QueuedTicket> comparator(Instant now, boolean priorityCounter) {
        return Comparator.<QueuedTicket>comparingInt(t -> rank(t, now, priorityCounter))
                .thenComparing(t -> rank(t, now, priorityCounter) == 0 ? t.dueAt() : Instant.MIN)
                .thenComparing(QueuedTicket::issuedAt)
                .thenComparing(QueuedTicket::id);
    }

    /** The ticket a counter taking {@code services} calls next, if any. */
    public static Optional<QueuedTicket> next(List<QueuedTicket> waiting, List<String> services, boolean priorityCounter,
                                              Instant now) {
        return waiting.stream().filter(t -> services.contains(t.serviceCode()))
                .min(comparator(now, priorityCounter));
    }

    /** The waiting tickets in the order an ordinary counter would call them (the hall's display). */
    public static List<QueuedTicket> ordered(List<QueuedTicket> waiting, Instant now) {
        return waiting.stream().sorted(comparator(now, false)).toList();
    }
}
