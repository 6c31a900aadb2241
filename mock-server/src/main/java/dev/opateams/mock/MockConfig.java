package dev.opateams.mock;

import java.time.Clock;
import java.time.Duration;

/** The settings of one mock server, fixed at start-up. Built by {@link MockServer.Builder}. */
record MockConfig(String bindAddress, int port, Seed seed, Clock clock, Duration tokenLifetime, Duration latency,
    double tooManyRequestsShare, double unavailableShare, int rateLimitPerMinute, int threads) {
}
