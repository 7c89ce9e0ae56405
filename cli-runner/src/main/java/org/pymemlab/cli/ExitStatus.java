package org.pymemlab.cli;

/** The exit statuses of {@code pymem}. */
final class ExitStatus {

    /** Done. */
    static final int OK = 0;
    /** A bug: an exception nobody expected. */
    static final int INTERNAL_ERROR = 1;
    /** The user's input cannot be used: bad options (picocli's own code for this) or bad configuration. */
    static final int USAGE = 2;

    private ExitStatus() {
    }
}
