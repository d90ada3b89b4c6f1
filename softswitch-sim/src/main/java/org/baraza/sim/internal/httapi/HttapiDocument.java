package org.baraza.sim.internal.httapi;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * A {@code text/freeswitch-httapi} document as mod_httapi's parse_xml reads it: {@code <params>} (kept for
 * later requests), {@code <variables>} (set on the channel) and the {@code <work>} tags to carry out in order.
 * Parsed with the JDK's XML parser, DTDs and external entities refused: the webhook is not trusted more than
 * FreeSWITCH trusts it. Immutable.
 */
record HttapiDocument(Map<String, String> params, Map<String, String> variables, List<Tag> work) {

    /** One work tag: its name, attributes, text, and the {@code <bind>} children of playback and record. */
    record Tag(String name, Map<String, String> attributes, String text, List<Bind> binds) {
        String attribute(String attributeName) {
            return attributes.get(attributeName);
        }
    }

    /** {@code <bind strip="#" action="...">~\d</bind>}. */
    record Bind(String pattern, String strip, String action) {
    }

    /** The document, or empty when the text is not well-formed XML (FreeSWITCH then gives up on the call). */
    static Optional<HttapiDocument> parse(String xml) {
        Element root;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            root = builder.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))).getDocumentElement();
        } catch (Exception e) {
            return Optional.empty();
        }
        Map<String, String> params = new LinkedHashMap<>();
        Map<String, String> variables = new LinkedHashMap<>();
        List<Tag> work = new ArrayList<>();
        for (Element section : children(root)) {
            switch (section.getTagName()) {
                case "params" -> children(section).forEach(p -> params.put(p.getTagName(), p.getTextContent()));
                case "variables" -> children(section).forEach(v -> variables.put(v.getTagName(), v.getTextContent()));
                case "work" -> children(section).forEach(t -> work.add(tag(t)));
                default -> {
                    // mod_httapi reads only these three sections and ignores anything else at the top.
                }
            }
        }
        return Optional.of(new HttapiDocument(params, variables, work));
    }

    private static Tag tag(Element e) {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (int i = 0; i < e.getAttributes().getLength(); i++) {
            Node a = e.getAttributes().item(i);
            attributes.put(a.getNodeName(), a.getNodeValue());
        }
        List<Bind> binds = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element child && child.getTagName().equals("bind")) {
                binds.add(new Bind(child.getTextContent(), attr(child, "strip"), attr(child, "action")));
            } else if (n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE) {
                text.append(n.getNodeValue());
            }
        }
        return new Tag(e.getTagName(), attributes, text.toString().trim(), binds);
    }

    private static String attr(Element e, String name) {
        return e.hasAttribute(name) ? e.getAttribute(name) : null;
    }

    private static List<Element> children(Element parent) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }
}
