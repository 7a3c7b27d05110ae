package dev.winnow.cli;

/** Exit codes shared by every command. */
public final class ExitCodes {
    /** Everything valid; warnings allowed. */
    public static final int OK = 0;
    /** The input has errors. */
    public static final int INVALID = 1;
    /** Wrong usage or configuration. */
    public static final int USAGE = 2;
    /** Reading or writing failed. */
    public static final int IO = 3;

    private ExitCodes() {}
}
