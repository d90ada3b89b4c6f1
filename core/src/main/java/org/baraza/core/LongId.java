package org.baraza.core;

/**
 * A typed database id (a station's, a program's, ...), so that one kind of id cannot be passed where
 * another is expected. Persistence binds and maps every implementation as a plain {@code bigint}.
 * Implementations are records with one {@code long value} component.
 */
public interface LongId {
    long value();
}
