package org.baraza.core.config;

/** Configuration values already read and checked, looked up by key. Built by {@link ConfigLoader}. */
public interface Settings {
    <T> T get(ConfigKey<T> key);
}
