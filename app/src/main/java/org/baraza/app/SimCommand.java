package org.baraza.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.baraza.sim.PhoneScript;
import org.baraza.sim.Softswitch;
import org.baraza.sim.SoftswitchConfig;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code baraza sim}: the FreeSWITCH simulator on its own, until interrupted (Ctrl-C, or the thread running
 * it). It prints where its event socket and control API listen, so a station daemon, fs_cli or curl can use
 * it.
 */
@Command(name = "sim",
        mixinStandardHelpOptions = true,
        description = {"Run the FreeSWITCH simulator on its own: an event socket that answers like FreeSWITCH "
                + "1.10.12, scripted phones, conferences, mod_httapi calls to a webhook, and an HTTP control API.",
                "Runs until interrupted (Ctrl-C)."})
final class SimCommand implements Callable<Integer> {

    @ParentCommand
    Baraza baraza;

    @Spec
    CommandSpec spec;

    @Option(names = "--esl-host", paramLabel = "HOST", defaultValue = "127.0.0.1",
            description = "Address the event socket listens on. Default: ${DEFAULT-VALUE}.")
    String eslHost;

    @Option(names = "--esl-port", paramLabel = "PORT", defaultValue = "8021",
            description = "Event socket port (0 for any free port). Default: ${DEFAULT-VALUE}.")
    int eslPort;

    @Option(names = "--esl-password", paramLabel = "PASSWORD", defaultValue = SoftswitchConfig.DEFAULT_PASSWORD,
            description = "What ESL clients must send with auth. Default: ${DEFAULT-VALUE}.")
    String eslPassword;

    @Option(names = "--webhook-url", paramLabel = "URL",
            description = "mod_httapi webhook for calls to station numbers, e.g. http://127.0.0.1:8080/httapi. "
                    + "Without it, incoming calls have no route.")
    URI webhookUrl;

    @Option(names = "--control-port", paramLabel = "PORT", defaultValue = "8022",
            description = "HTTP control API port on the ESL host (0 for any free port, -1 for none). "
                    + "Default: ${DEFAULT-VALUE}.")
    int controlPort;

    @Option(names = "--time-scale", paramLabel = "FACTOR", defaultValue = "1",
            description = "How many times faster than the wall clock simulated time runs (ringing, file "
                    + "lengths, hang-ups). Default: ${DEFAULT-VALUE}.")
    double timeScale;

    @Option(names = "--file-root", paramLabel = "DIR",
            description = "Directory that stands for / when the simulator reads media (/var/lib/baraza/media/a.wav "
                    + "is read from DIR/var/lib/baraza/media/a.wav) and writes recordings. Default: the real /.")
    Path fileRoot;

    @Option(names = "--phones", paramLabel = "KIND", defaultValue = "answer",
            description = "What phones nobody scripted do when called: answer, busy, ring-out or unreachable. "
                    + "Default: ${DEFAULT-VALUE}. Script single phones through the control API (PUT /phones/{number}).")
    String phones;

    @Option(names = "--ringing-ms", paramLabel = "MS", defaultValue = "2000",
            description = "How long such phones ring before they answer (simulated milliseconds). Default: ${DEFAULT-VALUE}.")
    long ringingMs;

    @Override
    public Integer call() throws IOException {
        baraza.loadConfig(List.of());
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SoftswitchConfig config;
        PhoneScript unscripted;
        try {
            config = config();
            unscripted = unscriptedPhones();
        } catch (IllegalArgumentException e) {
            err.println("baraza sim: " + e.getMessage());
            return ExitCode.BAD_CONFIGURATION;
        }
        Softswitch sim;
        try {
            sim = Softswitch.start(config);
        } catch (IOException e) {
            err.println("baraza sim: cannot listen on " + eslHost + ": " + e.getMessage());
            return ExitCode.FAILED;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = Thread.ofPlatform().name("sim-shutdown").unstarted(() -> {
            sim.close();
            stopped.countDown();
        });
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            sim.phone("*", unscripted);
            describe(out, sim);
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            removeHook(hook);
            sim.close();
        }
        out.println("baraza sim: stopped");
        return ExitCode.OK;
    }

    private SoftswitchConfig config() {
        if (eslPort < 0 || eslPort > 65535) {
            throw new IllegalArgumentException("--esl-port must be 0 to 65535: " + eslPort);
        }
        if (controlPort < -1 || controlPort > 65535) {
            throw new IllegalArgumentException("--control-port must be -1 (none) or 0 to 65535: " + controlPort);
        }
        SoftswitchConfig.Builder builder = SoftswitchConfig.builder()
                .eslAddress(new InetSocketAddress(eslHost, eslPort))
                .eslPassword(eslPassword)
                .webhookUrl(webhookUrl)
                .timeScale(timeScale)
                .fileRoot(fileRoot);
        if (controlPort >= 0) {
            builder.controlAddress(new InetSocketAddress(eslHost, controlPort));
        }
        return builder.build();
    }

    private PhoneScript unscriptedPhones() {
        if (ringingMs < 0) {
            throw new IllegalArgumentException("--ringing-ms must be 0 or more: " + ringingMs);
        }
        return switch (phones.toLowerCase(Locale.ROOT)) {
            case "answer" -> PhoneScript.answersAfter(Duration.ofMillis(ringingMs));
            case "busy" -> PhoneScript.busy();
            case "ring-out" -> PhoneScript.ringsOut();
            case "unreachable" -> PhoneScript.unreachable();
            default -> throw new IllegalArgumentException(
                    "--phones must be answer, busy, ring-out or unreachable: " + phones);
        };
    }

    private void describe(PrintWriter out, Softswitch sim) {
        InetSocketAddress esl = sim.eslAddress();
        out.println("baraza sim: a simulated FreeSWITCH 1.10.12");
        out.println("  event socket  " + esl.getAddress().getHostAddress() + ":" + esl.getPort()
                + " (password " + eslPassword + ")");
        out.println("  control API   " + sim.controlAddress()
                .map(a -> "http://" + a.getAddress().getHostAddress() + ":" + a.getPort() + "/health").orElse("off"));
        out.println("  webhook       " + (webhookUrl == null ? "none: incoming calls have no route" : webhookUrl));
        out.println("  time          " + timeScale + "x the wall clock");
        out.println("  phones        unscripted ones " + switch (phones.toLowerCase(Locale.ROOT)) {
            case "answer" -> "answer after " + ringingMs + " ms";
            case "ring-out" -> "ring and never answer";
            default -> "are " + phones.toLowerCase(Locale.ROOT);
        });
        out.println("Press Ctrl-C to stop.");
        out.flush();
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is shutting down and runs the hook itself.
        }
    }
}
