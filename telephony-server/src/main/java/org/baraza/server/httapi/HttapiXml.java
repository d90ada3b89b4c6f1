package org.baraza.server.httapi;

import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.baraza.core.hub.CallDocument;
import org.baraza.core.hub.CallDocument.Answer;
import org.baraza.core.hub.CallDocument.Digits;
import org.baraza.core.hub.CallDocument.Hangup;
import org.baraza.core.hub.CallDocument.Join;
import org.baraza.core.hub.CallDocument.Menu;
import org.baraza.core.hub.CallDocument.Pause;
import org.baraza.core.hub.CallDocument.Play;
import org.baraza.core.hub.CallDocument.Record;
import org.baraza.core.hub.CallDocument.Step;

/**
 * Writes a {@link CallDocument} as the document mod_httapi 1.10 carries out
 * ({@code <document type="text/freeswitch-httapi">}), every value escaped by the XML writer. Stateless and
 * thread-safe.
 *
 * <p>How each step reads, and why (mod_httapi.c, and the recorded {@code httapi-requests.log}):
 * <ul>
 *   <li>params and variables are one element per name, {@code <params><station>7</station></params>}: parse_xml
 *       takes each child's tag name as the name and its text as the value;</li>
 *   <li>{@link Answer} is {@code <execute application="answer"/>}: mod_httapi has no answer tag, and a tag it
 *       does not know ends the session;</li>
 *   <li>{@link Menu} and {@link Digits} are a playback with one {@code <bind>}, anchored ({@code ~^[12]$},
 *       {@code ~^\d{1,8}#$}): FreeSWITCH's digit machine searches a regular expression rather than matching it
 *       whole, and with a single bind takes the first hit at once. No {@code error-file} and no {@code loops}:
 *       with an error file, even an empty one, a timeout comes back as {@code <name>=invalid}, where the
 *       contract says no param;</li>
 *   <li>{@link Join} is {@code <execute application="conference" data="name@profile+flags{mute}"/>}: the
 *       {@code <conference>} tag cannot carry member flags (see freeswitch-conf's httapi.conf.xml);</li>
 *   <li>{@link Record} is {@code <record>}: mod_httapi records to its own temporary file and uploads it with
 *       the next request, as the multipart field {@code name};</li>
 *   <li>{@link Pause} is {@code <execute application="sleep" data="ms"/>}.</li>
 * </ul>
 */
public final class HttapiXml {

    /** What mod_httapi looks for in the answer's Content-Type ("text/xml", anywhere in it). */
    public static final String CONTENT_TYPE = "text/xml; charset=utf-8";
    /** How long a menu waits after a wrong first key before it gives up, as the recorded documents do. */
    static final Duration MENU_DIGIT_TIMEOUT = Duration.ofMillis(2000);
    /** What a prompt with no file plays, so that its keys are still collected (mod_httapi needs a file). */
    static final String NO_PROMPT = "silence_stream://100";

    /** A conference name or profile: no '@', '+', '{', '|', '$' or spaces, which would change what it says. */
    private static final Pattern CONFERENCE_WORD = Pattern.compile("[A-Za-z0-9_.-]{1,100}");
    private static final Pattern MEMBER_FLAG = Pattern.compile("[a-z][a-z0-9-]{0,30}");
    /** Characters XML 1.0 cannot carry at all, escaped or not. */
    private static final Pattern NOT_XML = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]");
    // The JDK's own writer, not whichever StAX provider the class path brings: the Twilio SDK brings Woodstox, which
    // leaves "]]>" unescaped in attributes.
    private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newDefaultFactory();

    private HttapiXml() {
    }

    /**
     * The document as mod_httapi reads it, without an XML declaration (as recorded).
     *
     * @throws IllegalArgumentException for a value no document can carry safely: a character XML cannot hold, a
     *                                  conference name or flag that would change the conference application's
     *                                  meaning, a prompt path with '!' among several, a negative pause
     */
    public static String render(CallDocument document) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = OUTPUT.createXMLStreamWriter(out);
            xml.writeStartElement("document");
            attribute(xml, "type", "text/freeswitch-httapi");
            named(xml, "params", document.params());
            named(xml, "variables", document.variables());
            xml.writeStartElement("work");
            for (Step step : document.steps()) {
                step(xml, step);
            }
            xml.writeEndElement();
            xml.writeEndElement();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write an httapi document", e);
        }
        return out.toString();
    }

    private static void step(XMLStreamWriter xml, Step step) throws XMLStreamException {
        switch (step) {
            case Answer answer -> execute(xml, "answer", null);
            case Play play -> {
                for (String file : play.files()) {
                    xml.writeEmptyElement("playback");
                    attribute(xml, "file", file);
                }
            }
            case Menu menu -> prompt(xml, menu.files(), menu.name(), menu.timeout(), MENU_DIGIT_TIMEOUT,
                    "~^[" + menu.keys() + "]$", "");
            case Digits digits -> prompt(xml, digits.files(), digits.name(), digits.timeout(), digits.timeout(),
                    "~^\\d{1," + digits.maxDigits() + "}#$", "#");
            case Join join -> execute(xml, "conference", conferenceData(join));
            case Record record -> record(xml, record);
            case Pause pause -> execute(xml, "sleep", Long.toString(millis(pause.length(), "a pause")));
            case Hangup hangup -> {
                xml.writeEmptyElement("hangup");
                if (hangup.cause() != null) {
                    attribute(xml, "cause", hangup.cause());
                }
            }
        }
    }

    /** A prompt that collects keys: played through, then {@code timeout} to answer; the keys come back as {@code name}. */
    private static void prompt(XMLStreamWriter xml, List<String> files, String name, Duration timeout,
                               Duration digitTimeout, String bind, String strip) throws XMLStreamException {
        xml.writeStartElement("playback");
        attribute(xml, "file", oneFile(files));
        attribute(xml, "name", name);
        if (timeout != null) {
            attribute(xml, "input-timeout", Long.toString(millis(timeout, "an input timeout")));
        }
        if (digitTimeout != null) {
            attribute(xml, "digit-timeout", Long.toString(millis(digitTimeout, "a digit timeout")));
        }
        xml.writeStartElement("bind");
        attribute(xml, "strip", strip);
        text(xml, bind);
        xml.writeEndElement();
        xml.writeEndElement();
    }

    /** Several files as one (FreeSWITCH's file_string://a!b), so that keys pressed during any of them count. */
    private static String oneFile(List<String> files) {
        if (files.isEmpty()) {
            return NO_PROMPT;
        }
        if (files.size() == 1) {
            return files.getFirst();
        }
        for (String file : files) {
            if (file.contains("!")) {
                throw new IllegalArgumentException("a prompt among several cannot have '!' in its path: " + file);
            }
        }
        return "file_string://" + String.join("!", files);
    }

    private static void record(XMLStreamWriter xml, Record record) throws XMLStreamException {
        xml.writeEmptyElement("record");
        attribute(xml, "file", record.file());
        attribute(xml, "name", record.name());
        if (record.limit() != null) {
            // mod_httapi reads whole seconds; a part of one is rounded up rather than cut.
            long millis = millis(record.limit(), "a recording limit");
            attribute(xml, "limit", Long.toString((millis + 999) / 1000));
        }
        if (record.beepFile() != null) {
            attribute(xml, "beep-file", record.beepFile());
        }
    }

    /** name@profile, then +flags{a|b} when there are flags, in a stable order. */
    private static String conferenceData(Join join) {
        requireWord(join.conference(), "conference name");
        requireWord(join.profile(), "conference profile");
        String data = join.conference() + "@" + join.profile();
        if (join.flags().isEmpty()) {
            return data;
        }
        List<String> flags = join.flags().stream().sorted().toList();
        for (String flag : flags) {
            if (!MEMBER_FLAG.matcher(flag).matches()) {
                throw new IllegalArgumentException("not a conference member flag: " + flag);
            }
        }
        return data + "+flags{" + String.join("|", flags) + "}";
    }

    private static void requireWord(String value, String what) {
        if (!CONFERENCE_WORD.matcher(value).matches()) {
            throw new IllegalArgumentException("not a " + what + " a document may name: " + value);
        }
    }

    private static void execute(XMLStreamWriter xml, String application, String data) throws XMLStreamException {
        xml.writeEmptyElement("execute");
        attribute(xml, "application", application);
        if (data != null) {
            attribute(xml, "data", data);
        }
    }

    /** One element per name, sorted so that the same document always reads the same; nothing when empty. */
    private static void named(XMLStreamWriter xml, String element, Map<String, String> values) throws XMLStreamException {
        if (values.isEmpty()) {
            return;
        }
        xml.writeStartElement(element);
        for (Map.Entry<String, String> entry : new TreeMap<>(values).entrySet()) {
            xml.writeStartElement(entry.getKey());
            text(xml, entry.getValue() == null ? "" : entry.getValue());
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }

    private static void attribute(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeAttribute(name, xmlSafe(value));
    }

    private static void text(XMLStreamWriter xml, String value) throws XMLStreamException {
        xml.writeCharacters(xmlSafe(value));
    }

    private static String xmlSafe(String value) {
        if (NOT_XML.matcher(value).find()) {
            throw new IllegalArgumentException("a value with a character XML cannot carry: "
                    + value.replaceAll(NOT_XML.pattern(), "?"));
        }
        return value;
    }

    private static long millis(Duration duration, String what) {
        if (duration == null || duration.isNegative()) {
            throw new IllegalArgumentException(what + " must be zero or more, not " + duration);
        }
        return duration.toMillis();
    }
}
