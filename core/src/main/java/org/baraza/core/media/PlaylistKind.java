package org.baraza.core.media;

/** What a playlist is for: a program's running order, a music rotation that fills gaps, or jingles. */
public enum PlaylistKind {
    PROGRAM, ROTATION, JINGLES
}
