package dev.opateams.mock;

import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;

/** The authenticated service user of a request, as the resources see it through {@link SecurityContext}. */
record Caller(MockState.Team team, MockState.ServiceUser user) implements Principal {

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
