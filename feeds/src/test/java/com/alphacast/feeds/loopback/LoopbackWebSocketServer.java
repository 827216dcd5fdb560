package com.alphacast.feeds.loopback;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A minimal RFC 6455 WebSocket server on loopback, enough to speak a venue's side of a market-data stream: the opening
 * handshake (Sec-WebSocket-Accept), unmasked server text frames in the three length encodings, masked client frames
 * (text frames kept for the test to read: a keyed venue's authentication and subscription requests), ping answered by
 * pong, close answered by close. Tests script what a connection sends, drop it abruptly, or freeze it
 * (no frames and no pongs) to play a venue that died silently.
 */
public final class LoopbackWebSocketServer implements AutoCloseable {

    private static final String ACCEPT_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    private final ServerSocket server;
    private final BlockingQueue<Connection> accepted = new LinkedBlockingQueue<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final Thread acceptor;

    public LoopbackWebSocketServer() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::acceptLoop, "loopback-ws-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                Connection c = new Connection(s);
                if (c.handshake()) {
                    connections.incrementAndGet();
                    accepted.add(c);
                }
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    public URI base() {
        return URI.create("ws://127.0.0.1:" + server.getLocalPort());
    }

    public Connection awaitConnection(Duration timeout) throws InterruptedException {
        Connection c = accepted.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (c == null) {
            throw new AssertionError("no WebSocket client connected within " + timeout);
        }
        return c;
    }

    public int connections() {
        return connections.get();
    }

    @Override
    public void close() throws IOException {
        server.close();
        Connection c;
        while ((c = accepted.poll()) != null) {
            c.drop();
        }
    }

    /** One accepted client. */
    public static final class Connection {
        private final Socket socket;
        private final DataInputStream in;
        private final OutputStream out;
        private volatile boolean answerPings = true;
        private final AtomicInteger pings = new AtomicInteger();
        private final BlockingQueue<String> texts = new LinkedBlockingQueue<>();
        private String target;

        Connection(Socket socket) throws IOException {
            this.socket = socket;
            socket.setTcpNoDelay(true);
            this.in = new DataInputStream(socket.getInputStream());
            this.out = new BufferedOutputStream(socket.getOutputStream(), 1 << 16);
        }

        boolean handshake() throws IOException {
            String request = readLine(in);
            if (request == null || !request.startsWith("GET ")) {
                socket.close();
                return false;
            }
            target = request.split(" ")[1];
            String key = null;
            String line;
            while ((line = readLine(in)) != null && !line.isEmpty()) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT)
                        .equals("sec-websocket-key")) {
                    key = line.substring(colon + 1).trim();
                }
            }
            if (key == null) {
                out.write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                socket.close();
                return false;
            }
            String response = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Accept: " + accept(key) + "\r\n\r\n";
            out.write(response.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread reader = new Thread(this::readLoop, "loopback-ws-read");
            reader.setDaemon(true);
            reader.start();
            return true;
        }

        static String accept(String key) {
            try {
                byte[] sha1 = MessageDigest.getInstance("SHA-1")
                        .digest((key + ACCEPT_GUID).getBytes(StandardCharsets.US_ASCII));
                return Base64.getEncoder().encodeToString(sha1);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        private static String readLine(InputStream in) throws IOException {
            StringBuilder sb = new StringBuilder();
            int c;
            while ((c = in.read()) != -1) {
                if (c == '\n') {
                    int n = sb.length();
                    return n > 0 && sb.charAt(n - 1) == '\r' ? sb.substring(0, n - 1) : sb.toString();
                }
                sb.append((char) c);
            }
            return sb.length() == 0 ? null : sb.toString();
        }

        private void readLoop() {
            try {
                while (true) {
                    int b0 = in.readUnsignedByte();
                    int b1 = in.readUnsignedByte();
                    int opcode = b0 & 0x0F;
                    long length = b1 & 0x7F;
                    if (length == 126) {
                        length = in.readUnsignedShort();
                    } else if (length == 127) {
                        length = in.readLong();
                    }
                    byte[] mask = new byte[4];
                    if ((b1 & 0x80) != 0) {
                        in.readFully(mask);
                    }
                    byte[] payload = new byte[(int) length];
                    in.readFully(payload);
                    for (int i = 0; i < payload.length; i++) {
                        payload[i] ^= mask[i % 4];
                    }
                    if (opcode == 0x1) {
                        texts.add(new String(payload, StandardCharsets.UTF_8));
                    } else if (opcode == 0x9) {
                        pings.incrementAndGet();
                        if (answerPings) {
                            send(0xA, payload, true);
                        }
                    } else if (opcode == 0x8) {
                        send(0x8, payload, true);
                        socket.close();
                        return;
                    }
                }
            } catch (IOException e) {
                // the client went away or the test dropped the socket
            }
        }

        private synchronized void send(int opcode, byte[] payload, boolean flush) throws IOException {
            out.write(0x80 | opcode);
            if (payload.length < 126) {
                out.write(payload.length);
            } else if (payload.length < 65_536) {
                out.write(126);
                out.write(payload.length >>> 8);
                out.write(payload.length & 0xFF);
            } else {
                out.write(127);
                long n = payload.length;
                for (int shift = 56; shift >= 0; shift -= 8) {
                    out.write((int) (n >>> shift) & 0xFF);
                }
            }
            out.write(payload);
            if (flush) {
                out.flush();
            }
        }

        /** Sends one text frame (buffered: call {@link #flush} or send a control frame to push it out). */
        public void sendText(String text) {
            try {
                send(0x1, text.getBytes(StandardCharsets.UTF_8), false);
            } catch (IOException e) {
                throw new IllegalStateException("client gone: " + e.getMessage(), e);
            }
        }

        public void sendPing() throws IOException {
            send(0x9, new byte[0], true);
        }

        public synchronized void flush() {
            try {
                out.flush();
            } catch (IOException e) {
                throw new IllegalStateException("client gone: " + e.getMessage(), e);
            }
        }

        /** The next text frame the client sent (an authentication or subscription request), in order. */
        public String awaitText(Duration timeout) throws InterruptedException {
            String text = texts.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (text == null) {
                throw new AssertionError("the client sent no text frame within " + timeout);
            }
            return text;
        }

        /** Sends one text frame at once. */
        public void sendTextNow(String text) {
            sendText(text);
            flush();
        }

        /** Stops answering pings: with no frames sent either, the venue looks dead while the socket stays open. */
        public void freeze() {
            answerPings = false;
        }

        /** Closes the TCP connection without a close frame (a network failure). */
        public void drop() {
            try {
                socket.close();
            } catch (IOException e) {
                // already closed
            }
        }

        public boolean isOpen() {
            return !socket.isClosed();
        }

        public int pingsReceived() {
            return pings.get();
        }

        /** The request target of the opening handshake, e.g. {@code /stream?streams=btcusdt@trade}. */
        public String target() {
            return target;
        }
    }
}
