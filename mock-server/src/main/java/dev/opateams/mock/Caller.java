package dev.opateams.mock;

import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;

/**
 * The authenticated service user of a request. {@link SecurityFilter}
 * installs it as the request's {@link SecurityContext} and also binds it to
 * the request thread, from where {@link TeamsResource} reads it: looking up
 * the request-scoped SecurityContext through Jersey's injection proxy took
 * about a twentieth of the time of a listServers request in the throughput
 * benchmark. Jersey runs the filters and the resource method of a
 * synchronous request on one thread.
 */
record Caller(MockState.Team team, MockState.ServiceUser user) implements Principal {

  private static final ThreadLocal<Caller> CURRENT = new ThreadLocal<>();

  static void bind(Caller caller) {
    CURRENT.set(caller);
  }

  static void unbind() {
    CURRENT.remove();
  }

  /** Returns the caller bound to this thread, or null. */
  static Caller current() {
    return CURRENT.get();
  }

  @Override
  public String getName() {
    return user.name();
  }

  /** A security context that carries the caller; installed by {@link SecurityFilter}. */
  record Context(Caller caller) implements SecurityContext {

    @Override
    public Principal getUserPrincipal() {
      return caller;
    }

    @Override
    public boolean isUserInRole(String role) {
      return caller.user().roles().contains(role);
    }

    @Override
    public boolean isSecure() {
      return false;
    }

    @Override
    public String getAuthenticationScheme() {
      return "Bearer";
    }
  }
}
