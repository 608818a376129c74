package org.pfptracker.testsupport.process;

import java.util.concurrent.TimeUnit;

/** A child JVM for {@link JavaProcessTest}: prints its greeting and argument, then exits or runs until stopped. */
public final class Greeter {

    private Greeter() {
    }

    public static void main(String[] args) throws InterruptedException {
        System.out.println("hello " + System.getenv("GREETING_TO") + " " + String.join(" ", args));
        if (args.length > 0 && args[0].equals("--forever")) {
            // A service stand-in: nothing to do but be there until a signal ends the JVM.
            TimeUnit.HOURS.sleep(1);
        }
        System.exit(3);
    }
}
