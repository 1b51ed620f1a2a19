package org.buddy4j.spec;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * The jar carries the spec and every example unchanged as classpath resources under {@code buddy4j/}, where
 * buddy-core, the emulator and the contract tests read them.
 */
class PackagedResourcesTest {

    @Test
    void theSpecIsOnTheClasspath() {
        assertSameBytes("buddy4j/openapi.yaml", ApiSpec.specFile());
    }

    @TestFactory
    Stream<DynamicTest> everyExampleIsOnTheClasspath() {
        return ApiSpec.exampleFiles().stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(),
                () -> assertSameBytes("buddy4j/examples/" + file.getFileName(), file)));
    }

    private static void assertSameBytes(String resource, Path file) {
        try (InputStream in = PackagedResourcesTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertNotNull(in, "no classpath resource " + resource);
            assertArrayEquals(Files.readAllBytes(file), in.readAllBytes(), resource + " differs from " + file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
