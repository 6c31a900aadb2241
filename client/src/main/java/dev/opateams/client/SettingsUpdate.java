package dev.opateams.client;

import dev.opateams.client.model.TeamSettingsUpdate;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.openapitools.jackson.nullable.JsonNullable;

/**
 * A partial update of Team settings for {@link OpaTeamsClient#updateTeamSettings(SettingsUpdate)}.
 * For every setting the builder offers three choices: leave it unchanged (call nothing, and the
 * field is left out of the JSON), set a value, or disable it ({@code disable...()}, which sends the
 * field as {@code null}).
 *
 * <p>Ranges (for example 3600 to 90000 seconds for {@code client_session_duration}) are checked
 * when the update is sent, before any request leaves the client. Immutable and thread-safe.
 */
public final class SettingsUpdate {

  private final Map<String, JsonNullable<Object>> changes;

  private SettingsUpdate(Map<String, JsonNullable<Object>> changes) {
    this.changes = Map.copyOf(changes);
  }

  /** Starts a builder that changes nothing. */
  public static Builder builder() {
    return new Builder();
  }

  /** Maps the update to the generated model, whose JsonNullable fields tell absent from null. */
  TeamSettingsUpdate toModel() {
    TeamSettingsUpdate model = new TeamSettingsUpdate();
    model.setApproveDeviceWithoutInteraction_JsonNullable(
        get(TeamSettingsUpdate.JSON_PROPERTY_APPROVE_DEVICE_WITHOUT_INTERACTION));
    model.setClientSessionDuration_JsonNullable(
        get(TeamSettingsUpdate.JSON_PROPERTY_CLIENT_SESSION_DURATION));
    model.setWebSessionDuration_JsonNullable(
        get(TeamSettingsUpdate.JSON_PROPERTY_WEB_SESSION_DURATION));
    model.setPostDeviceEnrollmentUrl_JsonNullable(
        get(TeamSettingsUpdate.JSON_PROPERTY_POST_DEVICE_ENROLLMENT_URL));
    model.setPostLoginUrl_JsonNullable(get(TeamSettingsUpdate.JSON_PROPERTY_POST_LOGIN_URL));
    model.setPostLogoutUrl_JsonNullable(get(TeamSettingsUpdate.JSON_PROPERTY_POST_LOGOUT_URL));
    model.setReactivateUsersViaIdp_JsonNullable(
        get(TeamSettingsUpdate.JSON_PROPERTY_REACTIVATE_USERS_VIA_IDP));
    model.setUserProvisioningExactUsername_JsonNullable(
        get(TeamSettingsUpdate.JSON_PROPERTY_USER_PROVISIONING_EXACT_USERNAME));
    return model;
  }

  @SuppressWarnings("unchecked")
  private <T> JsonNullable<T> get(String field) {
    JsonNullable<Object> change = changes.get(field);
    return change == null ? JsonNullable.undefined() : (JsonNullable<T>) (JsonNullable<?>) change;
  }

  /** Lists the changed settings by JSON name; a disabled one shows as {@code null}. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("SettingsUpdate{");
    String separator = "";
    for (String field : new java.util.TreeSet<>(changes.keySet())) {
      text.append(separator).append(field).append('=').append(changes.get(field).get());
      separator = ", ";
    }
    return text.append('}').toString();
  }

  /** Builds a {@link SettingsUpdate}. A later call for a setting replaces an earlier one. */
  public static final class Builder {

    private final Map<String, JsonNullable<Object>> changes = new LinkedHashMap<>();

    private Builder() {
    }

    /** Sets {@code approve_device_without_interaction}. */
    public Builder approveDeviceWithoutInteraction(boolean approve) {
      return set(TeamSettingsUpdate.JSON_PROPERTY_APPROVE_DEVICE_WITHOUT_INTERACTION, approve);
    }

    /** Disables {@code approve_device_without_interaction} (sends null). */
    public Builder disableApproveDeviceWithoutInteraction() {
      return set(TeamSettingsUpdate.JSON_PROPERTY_APPROVE_DEVICE_WITHOUT_INTERACTION, null);
    }

    /** Sets {@code client_session_duration}, in seconds (3600 to 90000). */
    public Builder clientSessionDuration(int seconds) {
      return set(TeamSettingsUpdate.JSON_PROPERTY_CLIENT_SESSION_DURATION, seconds);
    }

    /**
     * Sets {@code client_session_duration} (1 to 25 hours).
     *
     * @throws IllegalArgumentException if {@code duration} is not a whole number of seconds
     */
    public Builder clientSessionDuration(Duration duration) {
      return clientSessionDuration(seconds(duration, "clientSessionDuration"));
    }

    /** Disables {@code client_session_duration} (sends null). */
    public Builder disableClientSessionDuration() {
      return set(TeamSettingsUpdate.JSON_PROPERTY_CLIENT_SESSION_DURATION, null);
    }

    /** Sets {@code web_session_duration}, in seconds (1800 to 90000). */
    public Builder webSessionDuration(int seconds) {
      return set(TeamSettingsUpdate.JSON_PROPERTY_WEB_SESSION_DURATION, seconds);
    }

    /**
     * Sets {@code web_session_duration} (30 minutes to 25 hours).
     *
     * @throws IllegalArgumentException if {@code duration} is not a whole number of seconds
     */
    public Builder webSessionDuration(Duration duration) {
      return webSessionDuration(seconds(duration, "webSessionDuration"));
    }

    /** Disables {@code web_session_duration} (sends null). */
    public Builder disableWebSessionDuration() {
      return set(TeamSettingsUpdate.JSON_PROPERTY_WEB_SESSION_DURATION, null);
    }

    /** Sets {@code post_device_enrollment_url} (at most 8096 characters). */
    public Builder postDeviceEnrollmentUrl(String url) {
      return set(TeamSettingsUpdate.JSON_PROPERTY_POST_DEVICE_ENROLLMENT_URL,
          Objects.requireNonNull(url, "postDeviceEnrollmentUrl must not be null"));
    }

    /** Disables {@code post_device_enrollment_url} (sends null). */
    public Builder disablePostDeviceEnrollmentUrl() {
      return set(TeamSettingsUpdate.JSON_PROPERTY_POST_DEVICE_ENROLLMENT_URL, null);
    }

    /** Sets {@code post_login_url} (at most 8096 characters). */
    public Builder postLoginUrl(String url) {
      return set(TeamSettingsUpdate.JSON_PROPERTY_POST_LOGIN_URL,
          Objects.requireNonNull(url, "postLoginUrl must not be null"));
    }

    /** Disables {@code post_login_url} (sends null). */
    public Builder disablePostLoginUrl() {
      return set(TeamSettingsUpdate.JSON_PROPERTY_POST_LOGIN_URL, null);
    }

    /** Sets {@code post_logout_url} (at most 8096 characters). */
    public Builder postLogoutUrl(String url) {
      return set(TeamSettingsUpdate.JSON_PROPERTY_POST_LOGOUT_URL,
          Objects.requireNonNull(url, "postLogoutUrl must not be null"));
    }

    /** Disables {@code post_logout_url} (sends null). */
    public Builder disablePostLogoutUrl() {
      return set(TeamSettingsUpdate.JSON_PROPERTY_POST_LOGOUT_URL, null);
    }

    /** Sets {@code reactivate_users_via_idp}. */
    public Builder reactivateUsersViaIdp(boolean reactivate) {
      return set(TeamSettingsUpdate.JSON_PROPERTY_REACTIVATE_USERS_VIA_IDP, reactivate);
    }

    /** Disables {@code reactivate_users_via_idp} (sends null). */
    public Builder disableReactivateUsersViaIdp() {
      return set(TeamSettingsUpdate.JSON_PROPERTY_REACTIVATE_USERS_VIA_IDP, null);
    }

    /** Sets {@code user_provisioning_exact_username}, which the API marks as deprecated. */
    @Deprecated
    public Builder userProvisioningExactUsername(boolean exact) {
      return set(TeamSettingsUpdate.JSON_PROPERTY_USER_PROVISIONING_EXACT_USERNAME, exact);
    }

    /** Disables {@code user_provisioning_exact_username} (sends null). */
    @Deprecated
    public Builder disableUserProvisioningExactUsername() {
      return set(TeamSettingsUpdate.JSON_PROPERTY_USER_PROVISIONING_EXACT_USERNAME, null);
    }

    /** Builds the update. */
    public SettingsUpdate build() {
      return new SettingsUpdate(changes);
    }

    private Builder set(String field, Object value) {
      changes.put(field, JsonNullable.of(value));
      return this;
    }

    private static int seconds(Duration duration, String name) {
      Objects.requireNonNull(duration, name + " must not be null");
      if (duration.getNano() != 0) {
        throw new IllegalArgumentException(
            name + " must be a whole number of seconds, but was: " + duration);
      }
      long seconds = duration.getSeconds();
      if (seconds < Integer.MIN_VALUE || seconds > Integer.MAX_VALUE) {
        throw new IllegalArgumentException(
            name + " must fit in an int of seconds, but was: " + duration);
      }
      return (int) seconds;
    }
  }
}
