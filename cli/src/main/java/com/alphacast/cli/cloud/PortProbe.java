package com.alphacast.cli.cloud;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Whether a loopback port can still be listened on, checked before any server starts so the error can name it. */
final class PortProbe {

    private PortProbe() {
    }

    /** True when nothing listens on {@code 127.0.0.1:port} (a listener on the wildcard address counts as in use). */
    static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            // As the servers bind: a listener still refuses the bind, connections in TIME_WAIT from a previous run
            // do not.
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
