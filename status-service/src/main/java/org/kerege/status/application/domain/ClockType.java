package org.kerege.status.application.domain;

/** A duty clock is watched and can be breached; a validity clock only tells how long a result is valid. */
public enum ClockType { DUTY, VALIDITY }
