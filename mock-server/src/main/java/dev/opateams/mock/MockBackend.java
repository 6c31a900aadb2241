package dev.opateams.mock;

import java.net.URI;
import java.util.function.Supplier;

/**
 * What the resources of one server share: its state, token issuer, spec
 * and base URL. Bound for injection so that the resources can be
 * registered as classes: Jersey logs a warning for every resource
 * registered as an instance (seen with Jersey 4.0.2).
 */
record MockBackend(Supplier<MockState> state, TokenIssuer tokens, ApiSpec spec, URI baseUri) {
}
