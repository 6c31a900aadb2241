package dev.opateams.compat;

/**
 * The direction in which data flows. A narrower constraint breaks clients when it applies to what they send,
 * and a wider one breaks strict clients when it applies to what they receive.
 */
enum Direction {
    /** Parameters and request bodies: written by clients, read by servers. */
    REQUEST,
    /** Response bodies and headers: written by servers, read by clients. */
    RESPONSE
}
