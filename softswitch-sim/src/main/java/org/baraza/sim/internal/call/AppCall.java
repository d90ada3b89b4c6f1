package org.baraza.sim.internal.call;

/** One dialplan step: an application name and its argument ({@code conference studio-a@default}). */
public record AppCall(String name, String data) {
    public AppCall {
        data = data == null ? "" : data;
    }

    /** {@code "answer"}, {@code "conference studio-a@default"}: the name, a space, the data. */
    public static AppCall parse(String line) {
        String trimmed = line.trim();
        int space = trimmed.indexOf(' ');
        return space < 0 ? new AppCall(trimmed, "") : new AppCall(trimmed.substring(0, space), trimmed.substring(space + 1));
    }

    @Override
    public String toString() {
        return data.isEmpty() ? name : name + " " + data;
    }
}
