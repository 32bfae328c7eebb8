package io.volvault.app.chain;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;

/**
 * The keeper's JSON-RPC connection: a request that fails in transport (connection dropped or
 * refused, timeout) or with HTTP 5xx or 429 is sent again after an exponential backoff. Every
 * JSON-RPC call the keeper makes may be repeated safely: reads, gas estimates, and the broadcast of
 * signed bytes, which the node accepts once (same hash) whatever the number of copies.
 */
public final class RetryingRpc implements Interceptor {

    private static final Logger log = LoggerFactory.getLogger(RetryingRpc.class);

    private final int attempts;
    private final Duration firstBackoff;

    /** @param attempts tries per request, at least 1; the wait doubles from {@code firstBackoff} */
    public RetryingRpc(int attempts, Duration firstBackoff) {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1, was " + attempts);
        }
        this.attempts = attempts;
        this.firstBackoff = firstBackoff;
    }

    /** A web3j client on {@code rpcUrl} with 6 tries per request, backing off 100 ms, 200 ms, ... 1.6 s. */
    public static Web3j connect(String rpcUrl) {
        OkHttpClient http = new OkHttpClient.Builder()
            .addInterceptor(new RetryingRpc(6, Duration.ofMillis(100)))
            .readTimeout(Duration.ofSeconds(20))
            .build();
        return Web3j.build(new HttpService(rpcUrl, http));
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        IOException last = null;
        for (int attempt = 1; ; attempt++) {
            try {
                Response response = chain.proceed(chain.request());
                if (response.code() < 500 && response.code() != 429) {
                    return response;
                }
                if (attempt == attempts) {
                    return response;
                }
                log.debug("rpc answered HTTP {}: try {} of {}", response.code(), attempt, attempts);
                response.close();
            } catch (InterruptedIOException e) {
                if (Thread.currentThread().isInterrupted() || attempt == attempts) {
                    throw e;
                }
                last = e;
            } catch (IOException e) {
                if (attempt == attempts) {
                    throw e;
                }
                last = e;
                log.debug("rpc failed ({}): try {} of {}", e.getMessage(), attempt, attempts);
            }
            try {
                Thread.sleep(firstBackoff.toMillis() << (attempt - 1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                InterruptedIOException stop = new InterruptedIOException("interrupted while backing off");
                if (last != null) {
                    stop.addSuppressed(last);
                }
                throw stop;
            }
        }
    }
}
