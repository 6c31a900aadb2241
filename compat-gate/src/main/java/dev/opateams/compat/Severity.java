package dev.opateams.compat;

/**
 * The effect of a change on existing clients and existing server implementations.
 */
public enum Severity {
    /** Existing clients or server implementations stop working or stop compiling. */
    BREAKING,
    /** Works for most callers, but breaks strict ones, for example clients that reject unknown enum values. */
    WARNING,
    /** Safe for existing clients and server implementations. */
    COMPATIBLE
}
