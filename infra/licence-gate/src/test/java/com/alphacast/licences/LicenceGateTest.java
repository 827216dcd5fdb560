package com.alphacast.licences;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs Maven on a two-module fixture that inherits the root pom (so the gate under test is the real one: same plugin,
 * allow-list and name merges): a "vendor" module declaring some licences, and a shipping module that depends on it
 * and turns the gate on, as functions, ingest-worker and cli do.
 */
class LicenceGateTest {

    private static final Path ROOT = Path.of(System.getProperty("alphacast.project.root", "../..")).toAbsolutePath()
            .normalize();

    @TempDir
    Path fixture;

    @Test
    void failsTheBuildOnADependencyUnderItsVendorsOwnTerms() throws Exception {
        GateRun run = runGate("<license><name>Acme Binary Code License Agreement</name></license>");

        assertThat(run.exitCode()).as(run.output()).isNotZero();
        assertThat(run.output())
                .contains("There are some forbidden licenses used")
                .contains("License: 'Acme Binary Code License Agreement' used by 1 dependencies")
                .contains("-vendor-lib (com.example.fixture:vendor-lib:1.0");
    }

    @Test
    void failsTheBuildOnADependencyThatDeclaresNoLicence() throws Exception {
        GateRun run = runGate("");

        assertThat(run.exitCode()).as(run.output()).isNotZero();
        assertThat(run.output()).contains("There is 1 dependency with no license")
                .contains("com.example.fixture--vendor-lib--1.0");
    }

    @Test
    void acceptsAllowedLicencesUnderOtherSpellingsAndListsThemUnderTheirSpdxIds() throws Exception {
        GateRun run = runGate("<license><name>The Apache Software License, Version 2.0</name></license>"
                + "<license><name>EPL 1.0</name></license>");

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(Files.readString(fixture.resolve("app/target/generated-sources/license/THIRD-PARTY.md")))
                .contains("| artifact | version | licence |")
                .contains("| `com.example.fixture:vendor-lib` | 1.0 | Apache-2.0, EPL-1.0 |");
    }

    private GateRun runGate(String vendorLicences) throws IOException, InterruptedException {
        // Maven resolves relativePath against the project directory only; an absolute path silently falls back to
        // whatever alphacast-parent the local repository holds.
        Path parentPom = fixture.relativize(ROOT.resolve("pom.xml"));
        write("pom.xml", """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <parent>
                    <groupId>com.alphacast</groupId>
                    <artifactId>alphacast-parent</artifactId>
                    <version>0.1.0-SNAPSHOT</version>
                    <relativePath>%s</relativePath>
                  </parent>
                  <groupId>com.example.fixture</groupId>
                  <artifactId>fixture</artifactId>
                  <version>1.0</version>
                  <packaging>pom</packaging>
                  <modules><module>vendor</module><module>app</module></modules>
                </project>
                """.formatted(parentPom));
        write("vendor/pom.xml", """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <parent><groupId>com.example.fixture</groupId><artifactId>fixture</artifactId><version>1.0</version></parent>
                  <artifactId>vendor-lib</artifactId>
                  <packaging>pom</packaging>
                  <licenses>%s</licenses>
                </project>
                """.formatted(vendorLicences));
        // Packaging pom keeps the nested build to the gate alone (no compiler, no jar); the gate then has to be told
        // to look at a pom-packaged project, which is the only difference from a shipping module.
        write("app/pom.xml", """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <parent><groupId>com.example.fixture</groupId><artifactId>fixture</artifactId><version>1.0</version></parent>
                  <artifactId>app</artifactId>
                  <packaging>pom</packaging>
                  <properties>
                    <licence.gate.skip>false</licence.gate.skip>
                    <license.acceptPomPackaging>true</license.acceptPomPackaging>
                  </properties>
                  <dependencies>
                    <dependency>
                      <groupId>com.example.fixture</groupId><artifactId>vendor-lib</artifactId><version>1.0</version>
                      <type>pom</type>
                    </dependency>
                  </dependencies>
                </project>
                """);
        return maven("verify");
    }

    private GateRun maven(String phase) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        String mavenHome = System.getProperty("maven.home");
        command.add(mavenHome == null ? "mvn" : Path.of(mavenHome, "bin", "mvn").toString());
        command.add("-B");
        command.add("-f");
        command.add(fixture.resolve("pom.xml").toString());
        command.add("-Dlicence.gate.dir=" + ROOT.resolve("licences"));
        String repository = System.getProperty("maven.repo.local");
        if (repository != null) {
            command.add("-Dmaven.repo.local=" + repository);
        }
        command.add(phase);
        Path log = fixture.resolve("maven.log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(fixture.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // A short-lived Maven: the C1 compiler alone starts it noticeably faster.
        builder.environment().put("MAVEN_OPTS", "-XX:TieredStopAtLevel=1");
        Process process = builder.start();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("the fixture's Maven build did not finish in 3 minutes:\n" + Files.readString(log));
        }
        return new GateRun(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    private void write(String relative, String content) throws IOException {
        Path file = fixture.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private record GateRun(int exitCode, String output) {
    }
}
