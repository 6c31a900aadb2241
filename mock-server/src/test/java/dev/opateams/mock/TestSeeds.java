package dev.opateams.mock;

import java.util.ArrayList;
import java.util.List;

/** Seeds built in code for tests that need many objects. */
final class TestSeeds {

  static final String KEY_ID = "5d7f1c2e-8a3b-4c6d-9e0f-1a2b3c4d5e6f";
  static final String KEY_SECRET = "paging-secret";

  private TestSeeds() {
  }

  /** Builds a team Paging_Team with {@code count} servers host-000, host-001, ... and one end user. */
  static Seed withServers(int count) {
    List<String> servers = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      servers.add(String.format(java.util.Locale.ROOT,
          "{\"id\":\"00000000-0000-4000-8000-%012d\",\"hostname\":\"host-%03d\",\"project_name\":\"p%d\","
              + "\"labels\":{\"parity\":\"%s\"}}",
          i, i, i % 3, i % 2 == 0 ? "even" : "odd"));
    }
    return Seed.fromJson("the paging test seed", "{\"teams\":[{\"name\":\"Paging_Team\","
        + "\"service_users\":[{\"name\":\"pager\",\"key_id\":\"" + KEY_ID + "\",\"key_secret\":\"" + KEY_SECRET
        + "\",\"roles\":[\"end_user\"]}],"
        + "\"servers\":[" + String.join(",", servers) + "]}]}");
  }
}
