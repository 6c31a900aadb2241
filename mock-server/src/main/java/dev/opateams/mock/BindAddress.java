package dev.opateams.mock;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a bind address option into an address without any DNS lookup:
 * only "localhost" (the loopback address) and IP literals are accepted, and
 * the address must be a loopback address, the wildcard address or an
 * address of one of this machine's network interfaces.
 */
final class BindAddress {

  private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");

  private BindAddress() {
  }

  /**
   * Parses and checks a bind address.
   *
   * @throws IllegalArgumentException when the text is neither "localhost" nor an IP literal, or the
   *     address does not belong to this machine
   */
  static InetAddress parse(String text) {
    InetAddress address = literal(text);
    if (address == null || !isLocal(address)) {
      throw new IllegalArgumentException("bindAddress must be localhost or an IP address of this machine: " + text);
    }
    return address;
  }

  /** Returns the address that the text spells, or null when it is no IP literal. */
  private static InetAddress literal(String text) {
    if (text.equalsIgnoreCase("localhost")) {
      return InetAddress.getLoopbackAddress();
    }
    Matcher ipv4 = IPV4.matcher(text);
    if (ipv4.matches()) {
      return ipv4Address(ipv4);
    }
    if (text.indexOf(':') < 0) {
      return null;
    }
    String bracketed = text.startsWith("[") ? text : "[" + text + "]";
    try {
      // With brackets the JDK parses the text as an IPv6 literal and never looks it up.
      return InetAddress.getByName(bracketed);
    } catch (UnknownHostException e) {
      return null;
    }
  }

  private static InetAddress ipv4Address(Matcher ipv4) {
    byte[] bytes = new byte[4];
    for (int i = 0; i < 4; i++) {
      int part = Integer.parseInt(ipv4.group(i + 1));
      if (part > 255) {
        return null;
      }
      bytes[i] = (byte) part;
    }
    try {
      return InetAddress.getByAddress(bytes);
    } catch (UnknownHostException e) {
      throw new IllegalStateException("four bytes are a valid IPv4 address", e);
    }
  }

  private static boolean isLocal(InetAddress address) {
    if (address.isLoopbackAddress() || address.isAnyLocalAddress()) {
      return true;
    }
    try {
      return NetworkInterface.getByInetAddress(address) != null;
    } catch (SocketException e) {
      return false;
    }
  }
}
