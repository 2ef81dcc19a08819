package io.stave.bench.datasets;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.function.UnaryOperator;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Downloads a file from its origin URL with OkHttp. A cut-off transfer leaves its bytes in the part
 * file; the next attempt (in this run or a later one) asks for the rest with an HTTP {@code Range}.
 */
public final class HttpSource implements FileSource {

    /** Attempts per file in one run; each after the first resumes where the previous one stopped. */
    public static final int DEFAULT_ATTEMPTS = 4;

    private final OkHttpClient client;
    private final UnaryOperator<String> urlRewriter;
    private final int attempts;

    /** The public origins, as pinned in the manifest. */
    public HttpSource() {
        this(defaultClient(), UnaryOperator.identity(), DEFAULT_ATTEMPTS);
    }

    /**
     * @param urlRewriter maps a manifest URL to the one requested (tests point it at a local server)
     */
    public HttpSource(OkHttpClient client, UnaryOperator<String> urlRewriter, int attempts) {
        this.client = client;
        this.urlRewriter = urlRewriter;
        this.attempts = Math.max(1, attempts);
    }

    public static OkHttpClient defaultClient() {
        return new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(30))
                .readTimeout(Duration.ofSeconds(60))
                .followRedirects(true)
                .build();
    }

    @Override
    public void transfer(Dataset dataset, DatasetFile file, Path part, Progress progress) throws IOException {
        String url = urlRewriter.apply(file.url());
        IOException last = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try {
                if (attemptOnce(url, file, part, progress)) {
                    return;
                }
            } catch (HttpStatusException e) {
                throw e; // the server answered; asking again will not change its mind
            } catch (IOException e) {
                last = e; // cut off: keep the part file and resume from its end
            }
        }
        throw new IOException("gave up after " + attempts + " attempts: " + describe(last), last);
    }

    /** One request; true when the part file now holds the whole body. */
    private boolean attemptOnce(String url, DatasetFile file, Path part, Progress progress) throws IOException {
        long have = Files.exists(part) ? Files.size(part) : 0;
        Request.Builder request = new Request.Builder().url(url);
        if (have > 0) {
            request.header("Range", "bytes=" + have + "-");
        }
        try (Response response = client.newCall(request.build()).execute()) {
            int code = response.code();
            if (code == 416 && have > 0) {
                // Our part is at least as long as the file: start over rather than guess.
                Files.delete(part);
                throw new IOException(url + ": HTTP 416 for a resume at byte " + have);
            }
            boolean append = code == 206 && have > 0 && resumesAt(response.header("Content-Range"), have);
            if (code != 200 && !append) {
                if (code == 206) {
                    Files.deleteIfExists(part); // a range we did not ask for: start over
                    throw new IOException(url + ": unexpected Content-Range " + response.header("Content-Range"));
                }
                throw new HttpStatusException(url + ": HTTP " + code + " " + response.message());
            }
            ResponseBody body = response.body();
            long rest = body.contentLength();
            long start = append ? have : 0;
            long total = rest < 0 ? file.expectedSize().orElse(-1) : start + rest;
            progress.start(file.path(), total, start);
            try (InputStream in = body.byteStream();
                    OutputStream out = append
                            ? Files.newOutputStream(part, StandardOpenOption.APPEND)
                            : Files.newOutputStream(part)) {
                byte[] buffer = new byte[1 << 16];
                for (int n; (n = in.read(buffer)) > 0; ) {
                    out.write(buffer, 0, n);
                    progress.advance(n);
                }
            } finally {
                progress.finish();
            }
            return true;
        }
    }

    /** "UnknownHostException: raw.githubusercontent.com" says more than the host name alone. */
    private static String describe(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    /** {@code Content-Range: bytes START-END/TOTAL} must start where our part file ends. */
    private static boolean resumesAt(String contentRange, long have) {
        if (contentRange == null || !contentRange.startsWith("bytes ")) {
            return false;
        }
        String range = contentRange.substring("bytes ".length());
        int dash = range.indexOf('-');
        try {
            return dash > 0 && Long.parseLong(range.substring(0, dash).trim()) == have;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    @Override
    public String describe(Dataset dataset, DatasetFile file) {
        return urlRewriter.apply(file.url());
    }

    /** The server answered with an error status (404, 403, 500 …). */
    static final class HttpStatusException extends IOException {
        HttpStatusException(String message) {
            super(message);
        }
    }
}
