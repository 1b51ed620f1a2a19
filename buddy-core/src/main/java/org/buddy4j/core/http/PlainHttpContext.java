package org.buddy4j.core.http;

import java.security.KeyManagementException;
import java.security.SecureRandom;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * The TLS context of a client that only speaks plain HTTP (an emulator on loopback): it cannot make a
 * TLS connection at all, so setting it up loads no TLS provider and reads no trust store, which the JDK
 * client's default context does when the client is built. Any attempt to use TLS with it fails.
 */
final class PlainHttpContext extends SSLContext {
  static final SSLContext INSTANCE = new PlainHttpContext();

  private PlainHttpContext() {
    super(new NoTls(), null, "none");
  }

  private static final class NoTls extends SSLContextSpi {
    private static UnsupportedOperationException refused() {
      return new UnsupportedOperationException("this client speaks plain HTTP only (its endpoint is http://)");
    }

    @Override
    protected void engineInit(KeyManager[] km, TrustManager[] tm, SecureRandom sr) throws KeyManagementException {
      throw refused();
    }

    @Override
    protected SSLSocketFactory engineGetSocketFactory() {
      throw refused();
    }

    @Override
    protected SSLServerSocketFactory engineGetServerSocketFactory() {
      throw refused();
    }

    @Override
    protected SSLEngine engineCreateSSLEngine() {
      throw refused();
    }

    @Override
    protected SSLEngine engineCreateSSLEngine(String host, int port) {
      throw refused();
    }

    @Override
    protected SSLSessionContext engineGetServerSessionContext() {
      throw refused();
    }

    @Override
    protected SSLSessionContext engineGetClientSessionContext() {
      throw refused();
    }
  }
}
