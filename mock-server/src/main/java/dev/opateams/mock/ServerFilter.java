package dev.opateams.mock;

import dev.opateams.server.model.Server;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The listServers filters. A null criterion matches every server. Text
 * criteria compare exactly, except hostname, which matches a part of the
 * hostname ignoring case.
 */
final class ServerFilter {

  private Boolean adServers;
  private String altNamesContains;
  private String bastion;
  private String canonicalName;
  private String cloudAccount;
  private String cloudProvider;
  private Boolean credentialed;
  private String hostname;
  private Set<UUID> ids;
  private String instanceId;
  private Boolean managed;
  private String projectName;
  private String state;
  private Map<String, String> selector;

  private ServerFilter() {
  }

  static Builder builder() {
    return new Builder();
  }

  boolean matches(MockState.StoredServer stored) {
    Server server = stored.withLabels();
    return (adServers == null || adServers == stored.adServer())
        && (altNamesContains == null || server.getAltNames() != null && server.getAltNames().contains(altNamesContains))
        && (bastion == null || bastion.equals(server.getBastion()))
        && (canonicalName == null || canonicalName.equals(server.getCanonicalName()))
        && (cloudAccount == null || cloudAccount.equals(stored.cloudAccount()))
        && (cloudProvider == null || server.getCloudProvider() != null
            && cloudProvider.equals(server.getCloudProvider().getValue()))
        && (credentialed == null || Boolean.FALSE.equals(server.getManaged())
            && credentialed.equals(Boolean.TRUE.equals(stored.credentialIssuance())))
        && (hostname == null || server.getHostname().toLowerCase(Locale.ROOT).contains(hostname))
        && (ids == null || ids.contains(server.getId()))
        && (instanceId == null || instanceId.equals(server.getInstanceId()))
        && (managed == null || managed.equals(Boolean.TRUE.equals(server.getManaged())))
        && (projectName == null || projectName.equals(server.getProjectName()))
        && (state == null || server.getState() != null && state.equals(server.getState().getValue()))
        && (selector == null || labelsMatch(server.getLabels()));
  }

  private boolean labelsMatch(Map<String, String> labels) {
    if (labels == null) {
      return false;
    }
    return selector.entrySet().stream().allMatch(entry -> entry.getValue().equals(labels.get(entry.getKey())));
  }

  /** Collects the criteria; {@link #build()} checks the ones with a syntax of their own. */
  static final class Builder {
    private final ServerFilter filter = new ServerFilter();
    private String ids;
    private String selector;

    Builder adServers(Boolean value) {
      filter.adServers = value;
      return this;
    }

    Builder altNamesContains(String value) {
      filter.altNamesContains = value;
      return this;
    }

    Builder bastion(String value) {
      filter.bastion = value;
      return this;
    }

    Builder canonicalName(String value) {
      filter.canonicalName = value;
      return this;
    }

    Builder cloudAccount(String value) {
      filter.cloudAccount = value;
      return this;
    }

    Builder cloudProvider(String value) {
      filter.cloudProvider = value;
      return this;
    }

    Builder credentialed(Boolean value) {
      filter.credentialed = value;
      return this;
    }

    Builder hostname(String value) {
      filter.hostname = value == null ? null : value.toLowerCase(Locale.ROOT);
      return this;
    }

    /** A comma-separated list of server IDs. */
    Builder ids(String value) {
      this.ids = value;
      return this;
    }

    Builder instanceId(String value) {
      filter.instanceId = value;
      return this;
    }

    Builder managed(Boolean value) {
      filter.managed = value;
      return this;
    }

    Builder projectName(String value) {
      filter.projectName = value;
      return this;
    }

    Builder state(String value) {
      filter.state = value;
      return this;
    }

    /** A comma-separated list of key=value pairs that a server's labels must all contain. */
    Builder selector(String value) {
      this.selector = value;
      return this;
    }

    /**
     * Returns the filter.
     *
     * @throws ApiException 400 for an id list with a value that is not a UUID, or a malformed selector
     */
    ServerFilter build() {
      if (ids != null) {
        filter.ids = new LinkedHashSet<>();
        for (String item : ids.split(",", -1)) {
          try {
            filter.ids.add(UUID.fromString(item.trim()));
          } catch (IllegalArgumentException e) {
            throw ApiException.invalid("query", "id", "must be a comma-separated list of UUIDs");
          }
        }
      }
      if (selector != null) {
        filter.selector = parseSelector(selector);
      }
      return filter;
    }

    private static Map<String, String> parseSelector(String text) {
      Map<String, String> pairs = new LinkedHashMap<>();
      for (String pair : List.of(text.split(",", -1))) {
        int equals = pair.indexOf('=');
        if (equals <= 0) {
          throw ApiException.invalid("query", "selector", "must be a comma-separated list of key=value pairs");
        }
        pairs.put(pair.substring(0, equals).trim(), pair.substring(equals + 1).trim());
      }
      return pairs;
    }
  }
}
