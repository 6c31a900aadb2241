package dev.opateams.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BindAddressTest {

  @Test
  void localhostListensOnLoopback() {
    try (MockServer server = MockServer.builder().bindAddress("localhost").build().start()) {
      TestHttp.Answer answer = TestHttp.get(server, "/openapi.yaml").send();

      assertThat(server.baseUri().getHost()).isEqualTo(InetAddress.getLoopbackAddress().getHostAddress());
      assertThat(answer.status()).isEqualTo(200);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"localhost", "LOCALHOST", "127.0.0.1", "127.0.0.2", "::1", "[::1]", "0.0.0.0"})
  void localAddressIsAccepted(String text) {
    InetAddress address = BindAddress.parse(text);

    assertThat(address.isLoopbackAddress() || address.isAnyLocalAddress()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"not-a-host.invalid", "example.com", "ip6-localhost", "192.0.2.1", "2001:db8::1",
      "127.0.0.256", "127.1", "1.2.3.4.5", "::g", "[127.0.0.1]", ""})
  void otherAddressIsRejected(String text) {
    assertThatThrownBy(() -> MockServer.builder().bindAddress(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("bindAddress must be localhost or an IP address of this machine: " + text);
  }
}
