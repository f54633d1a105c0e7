package org.textclf.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BackgroundBuildTest {

    /** A resource that counts its closes. */
    private static final class Resource implements AutoCloseable {
        final AtomicInteger closes = new AtomicInteger();

        @Override
        public void close() {
            closes.incrementAndGet();
        }
    }

    @Test
    void get_built_handsOverWithoutClosing() throws IOException {
        Resource resource = new Resource();
        try (BackgroundBuild<Resource> build = BackgroundBuild.start(() -> resource, "test-build")) {
            assertThat(build.get()).isSameAs(resource);
        }
        assertThat(resource.closes.get()).isZero();
    }

    @Test
    void close_neverHandedOver_waitsForTheBuildThenClosesIt() throws IOException {
        Resource resource = new Resource();
        CountDownLatch started = new CountDownLatch(1);
        BackgroundBuild<Resource> build = BackgroundBuild.start(() -> {
            started.countDown();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return resource;
        }, "test-build");
        build.close();
        assertThat(resource.closes.get()).isEqualTo(1);
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("test-build"));
    }

    @Test
    void get_buildFailed_throwsItsException() throws IOException {
        IOException failure = new IOException("data.csv:3: bad label");
        try (BackgroundBuild<Resource> build = BackgroundBuild.start(() -> {
            throw failure;
        }, "test-build")) {
            assertThatThrownBy(build::get).isSameAs(failure);
        }
    }

    @Test
    void get_buildThrewRuntimeException_throwsIt() throws IOException {
        IllegalArgumentException failure = new IllegalArgumentException("no samples");
        try (BackgroundBuild<Resource> build = BackgroundBuild.start(() -> {
            throw failure;
        }, "test-build")) {
            assertThatThrownBy(build::get).isSameAs(failure);
        }
    }
}
