package org.baraza.core.media;

/** What a piece of media is for; the console filters by it and programs pick by it. */
public enum MediaKind {
    MUSIC, RECORDING, JINGLE, NEWS, NOTICE, PROMPT, LISTENER_MESSAGE
}
