package dev.podclip.support.net;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * Which resolved addresses an outbound fetch may connect to. Pure: a URL someone else chose must not reach the
 * catalog's own network (SSRF). Refused: loopback, private (RFC 1918, IPv6 site-local), link-local (cloud metadata
 * lives at 169.254.169.254), multicast, unspecified, CGNAT 100.64/10, IPv6 unique-local fc00::/7, 0/8, 240/4 and
 * broadcast. Loopback alone may be allowed (tests serve feeds from 127.0.0.1).
 */
public final class AddressRules {

    private AddressRules() {
    }

    /** Null when the address may be fetched, else the named class that refuses it. */
    public static String refusal(InetAddress address, boolean allowLoopback) {
        if (address.isLoopbackAddress()) {
            return allowLoopback ? null : "loopback";
        }
        if (address.isAnyLocalAddress()) {
            return "unspecified";
        }
        if (address.isLinkLocalAddress()) {
            return "link-local";
        }
        if (address.isSiteLocalAddress()) {
            return "private";
        }
        if (address.isMulticastAddress()) {
            return "multicast";
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            return refusalV4(bytes);
        }
        if (address instanceof Inet6Address) {
            return refusalV6(bytes, allowLoopback);
        }
        return "unknown-address-family";
    }

    private static String refusalV4(byte[] bytes) {
        int first = bytes[0] & 0xff;
        int second = bytes[1] & 0xff;
        if (first == 0) {
            return "unspecified";
        }
        if (first == 100 && (second & 0xc0) == 64) {
            return "cgnat";
        }
        if (first >= 240) {
            return "reserved";
        }
        return null;
    }

    private static String refusalV6(byte[] bytes, boolean allowLoopback) {
        int first = bytes[0] & 0xff;
        if ((first & 0xfe) == 0xfc) {
            return "unique-local";
        }
        if (isMappedOrCompatibleV4(bytes)) {
            // ::ffff:10.0.0.1 and friends reach the IPv4 address they embed: judge that one.
            try {
                byte[] v4 = {bytes[12], bytes[13], bytes[14], bytes[15]};
                return refusal(InetAddress.getByAddress(v4), allowLoopback);
            } catch (java.net.UnknownHostException e) {
                return "unknown-address-family";
            }
        }
        return null;
    }

    private static boolean isMappedOrCompatibleV4(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        boolean mapped = (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff;
        boolean compatible = bytes[10] == 0 && bytes[11] == 0;
        return mapped || compatible;
    }
}
