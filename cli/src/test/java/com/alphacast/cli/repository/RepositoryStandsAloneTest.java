package com.alphacast.cli.repository;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphacast.core.fixtures.TestData;
import com.alphacast.cli.repository.OutsideReferenceScan.OutsideReference;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A clone of the repository must build, test and run on its own: nothing in it may read or cite the folder that sat
 * beside the repository on the developers' machines. This test is what fails {@code mvn verify} when it does.
 */
class RepositoryStandsAloneTest {

    /** The old folder name, assembled so this file does not match its own scan. */
    private static final String FOLDER = "sha" + "red";

    private final OutsideReferenceScan scan = OutsideReferenceScan.sharedFolder();

    @TempDir
    Path tree;

    @Test
    void noTrackedFileRefersToTheFolderBesideTheRepository() {
        List<OutsideReference> found = scan.scan(TestData.projectRoot());
        assertThat(found)
                .as("files that reach outside the repository (copy the data into testdata/ or a module's resources, "
                        + "cite docs/ instead of notes):%n%s",
                        found.stream().map(OutsideReference::toString).collect(Collectors.joining("\n")))
                .isEmpty();
    }

    @Test
    void namesEachOffendingFileAndLine() throws IOException {
        write("pom.xml", "<project>", "  <dir>${maven.multiModuleProjectDirectory}/../" + FOLDER + "/data</dir>", "</project>");
        write("core/src/main/java/A.java", "/** Convention: " + FOLDER + "/notes/analytics.md */", "class A {}");
        write("core/src/test/java/B.java", "class B {", "  String p = System.getProperty(\"alphacast." + FOLDER + ".data\");", "}");
        write(".ci/run", "#!/bin/sh", "export ALPHACAST_" + FOLDER.toUpperCase() + "_DATA=/x");
        write("README.md", "Clean line", "clean too");

        assertThat(scan.scan(tree)).extracting(r -> r.file().toString().replace('\\', '/') + ":" + r.line() + " " + r.needle())
                .containsExactly(
                        ".ci/run:2 ALPHACAST_" + FOLDER.toUpperCase() + "_DATA",
                        "core/src/main/java/A.java:1 " + FOLDER + "/notes",
                        "core/src/test/java/B.java:2 alphacast." + FOLDER + ".data",
                        "pom.xml:2 ../" + FOLDER,
                        "pom.xml:2 " + FOLDER + "/data");
    }

    @Test
    void ignoresBuildOutputVcsMetadataAndBinaryFiles() throws IOException {
        write("target/classes/A.java", "// ../" + FOLDER + "/data");
        write("core/target/surefire-reports/x.txt", "alphacast." + FOLDER + ".data");
        write(".git/config", "path = ../" + FOLDER);
        Files.write(tree.resolve("capture.bin"), ("\0binary ../" + FOLDER + "/data").getBytes(StandardCharsets.US_ASCII));
        write("docs/ok.md", "The data lives in testdata/ and the notes in docs/.");

        assertThat(scan.scan(tree)).isEmpty();
    }

    private void write(String relative, String... lines) throws IOException {
        Path file = tree.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }
}
