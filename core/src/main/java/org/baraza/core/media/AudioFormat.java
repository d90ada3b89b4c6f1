package org.baraza.core.media;

/** The audio file formats Baraza plays into calls. */
public enum AudioFormat {
    WAV, MP3
}
