package org.textclf.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * textclf on a real Spark standalone cluster: a Master and two Workers (one core each) as JVMs of their own on
 * loopback, from the Maven-resolved Spark jars in a SPARK_HOME laid out here (a Worker builds its executors'
 * command from {@code SPARK_HOME/jars}, and needs {@code SPARK_SCALA_VERSION} where no build folders say it);
 * {@code bin/textclf-spark} submits the driver to it, reading a CSV from disk, and the CLI evaluates the model file
 * it saves. Every JVM started here, executors included, is stopped at the end, and checked gone.
 */
class StandaloneClusterIT {
    private static final Duration START = Duration.ofSeconds(180);
    @TempDir
    static Path dir;
    static Path home;
    static final List<Process> daemons = new ArrayList<>();
    static int port;

    @BeforeAll
    static void startCluster() throws Exception {
        home = Files.createDirectories(dir.resolve("spark-home"));
        Path jars = Files.createDirectories(home.resolve("jars"));
        for (String jar : classpath().split(java.io.File.pathSeparator)) {
            Path p = Path.of(jar);
            Files.createSymbolicLink(jars.resolve(p.getFileName()), p);
        }
        port = freePort();
        Process master = start("master", "-Dspark.master.rest.enabled=false", "org.apache.spark.deploy.master.Master",
                "--host", "127.0.0.1", "--port", String.valueOf(port), "--webui-port", "0");
        awaitLog("master", "I have been elected leader", master);
        for (String w : List.of("worker1", "worker2")) {
            start(w, "-Dspark.worker.cleanup.enabled=false", "org.apache.spark.deploy.worker.Worker",
                    "spark://127.0.0.1:" + port, "--host", "127.0.0.1", "--cores", "1", "--memory", "1g",
                    "--webui-port", "0", "--work-dir", dir.resolve(w).toString());
        }
        for (int i = 0; i < 2; i++) {
            awaitLog("worker" + (i + 1), "Successfully registered with master", daemons.get(i + 1));
        }
    }

    @AfterAll
    static void stopCluster() throws Exception {
        for (int i = daemons.size() - 1; i >= 0; i--) { // the workers before the master
            stop(daemons.get(i));
        }
        assertThat(daemons).as("the Master and Workers stopped").noneMatch(Process::isAlive);
        // No executor may outlive the test: their command lines name this SPARK_HOME's jars.
        List<String> left = ProcessHandle.allProcesses()
                .filter(h -> h.info().commandLine().map(c -> c.contains(home.toString())).orElse(false))
                .map(h -> h.pid() + " " + h.info().commandLine().orElse("")).toList();
        assertThat(left).as("JVMs left running").isEmpty();
    }

    @Test
    void trainOnTheCluster_thenTheCliEvaluatesTheSavedModel() throws Exception {
        Path train = zhangCsv(dir.resolve("train.csv"), TinyCorpus.rows(300, 1));
        Path test = zhangCsv(dir.resolve("test.csv"), TinyCorpus.rows(100, 2));
        Files.writeString(dir.resolve("classes.txt"), "negative\npositive\n");
        Path model = dir.resolve("model.textclf");
        Run submit = run("submit", List.of(System.getProperty("textclf.launcher"), "--master",
                "spark://127.0.0.1:" + port, "--conf", "spark.executor.memory=512m", "--conf",
                "spark.ui.enabled=false", "train", "--train", train.toString(), "--test", test.toString(), "-o",
                model.toString(), "--model", "mlp", "--epochs", "3", "--batch-size", "64", "--learning-rate", "0.05",
                "--partitions", "2"));
        assertThat(submit.status()).as(submit.stderr()).isZero();
        assertThat(submit.stdout()).startsWith("saved " + model + " (mlp): best epoch ")
                .contains("test on " + test + ": accuracy ");
        // The executors ran on the two workers: each has an executor folder under this application.
        for (String w : List.of("worker1", "worker2")) {
            try (Stream<Path> apps = Files.list(dir.resolve(w))) {
                assertThat(apps.filter(p -> p.getFileName().toString().startsWith("app-")).count()).isEqualTo(1);
            }
        }
        Run evaluate = run("evaluate", List.of(java(), "-jar", System.getProperty("textclf.cliJar"), "evaluate",
                model.toString(), test.toString()));
        assertThat(evaluate.status()).as(evaluate.stderr()).isZero();
        assertThat(evaluate.stdout()).containsPattern("accuracy +(0\\.9[5-9]|1\\.0)")
                .contains("negative").contains("positive");
    }

    /** The tiny corpus as Zhang et al.'s CSV: no header, class 1 or 2 first, every field quoted. */
    static Path zhangCsv(Path file, List<String[]> rows) throws IOException {
        StringBuilder s = new StringBuilder();
        for (String[] r : rows) {
            s.append('"').append(r[1].equals("pos") ? 2 : 1).append("\",\"").append(r[0]).append("\"\n");
        }
        return Files.writeString(file, s);
    }

    record Run(int status, String stdout, String stderr) {
    }

    private static Run run(String name, List<String> command) throws Exception {
        ProcessBuilder b = new ProcessBuilder(command).redirectOutput(dir.resolve(name + ".out").toFile())
                .redirectError(dir.resolve(name + ".err").toFile());
        environment(b.environment());
        b.environment().put("JAVA_OPTS", "-Xmx512m");
        Process p = b.start();
        if (!p.waitFor(240, TimeUnit.SECONDS)) {
            stop(p);
            throw new AssertionError(name + " did not finish in 240 s; " + Files.readString(dir.resolve(name
                    + ".err")));
        }
        return new Run(p.exitValue(), Files.readString(dir.resolve(name + ".out")),
                Files.readString(dir.resolve(name + ".err")));
    }

    private static Process start(String name, String property, String mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(List.of(options().split(" ")));
        command.addAll(List.of("-Xmx256m", property, "-cp", classpath(), mainClass));
        command.addAll(List.of(args));
        ProcessBuilder b = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile());
        environment(b.environment());
        Process p = b.start();
        daemons.add(p);
        return p;
    }

    private static void environment(Map<String, String> env) {
        env.put("SPARK_HOME", home.toString());
        env.put("SPARK_SCALA_VERSION", "2.13");
        env.put("SPARK_LOCAL_IP", "127.0.0.1");
        env.put("TEXTCLF_JAVA", java());
    }

    /** A Worker stops its executors on SIGTERM; what is left after 30 s is killed, the executors first. */
    private static void stop(Process p) throws InterruptedException {
        List<ProcessHandle> children = p.descendants().toList();
        p.destroy();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            children.forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        for (ProcessHandle c : children) {
            c.destroyForcibly();
            c.onExit().join();
        }
    }

    private static void awaitLog(String name, String line, Process p) throws Exception {
        Path log = dir.resolve(name + ".log");
        long deadline = System.nanoTime() + START.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(log) && Files.readString(log, StandardCharsets.UTF_8).contains(line)) {
                return;
            }
            if (!p.isAlive()) {
                throw new AssertionError(name + " exited " + p.exitValue() + ": " + Files.readString(log));
            }
            Thread.sleep(250);
        }
        throw new AssertionError(name + " did not log '" + line + "' in " + START.toSeconds() + " s: "
                + Files.readString(log));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String classpath() throws IOException {
        return Files.readString(Path.of(System.getProperty("textclf.sparkJar")).resolveSibling("spark-classpath.txt"))
                .strip();
    }

    private static String options() throws IOException {
        return Files.readString(Path.of(System.getProperty("textclf.sparkJar")).resolveSibling("launcher")
                .resolve("java-options.txt")).strip();
    }
}
