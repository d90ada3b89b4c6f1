package org.baraza.fsconf;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * One parsed configuration file, queried with XPath. Attribute values come back as written, pre-processor
 * variables ({@code $${name}}) unexpanded. Not thread-safe (DOM); a test makes its own.
 */
record ConfigFile(String name, Document document) {

    /** The elements the expression selects, in document order. */
    List<Element> elements(String xpath) {
        return elements(document, xpath);
    }

    /** The attribute or text the expression selects, if it selects anything. */
    Optional<String> value(String xpath) {
        List<Node> nodes = nodes(document, xpath);
        if (nodes.size() > 1) {
            throw new AssertionError(name + ": " + xpath + " selects " + nodes.size() + " nodes, expected at most one");
        }
        return nodes.stream().findFirst().map(Node::getTextContent);
    }

    /** Like {@link #value(String)}, for a value the file must have. */
    String required(String xpath) {
        return value(xpath).orElseThrow(() -> new AssertionError(name + ": nothing at " + xpath));
    }

    static List<Element> elements(Node context, String xpath) {
        return nodes(context, xpath).stream().map(Element.class::cast).toList();
    }

    private static List<Node> nodes(Node context, String xpath) {
        XPath compiler = XPathFactory.newInstance().newXPath();
        try {
            NodeList list = (NodeList) compiler.evaluate(xpath, context, XPathConstants.NODESET);
            List<Node> nodes = new ArrayList<>(list.getLength());
            for (int i = 0; i < list.getLength(); i++) {
                nodes.add(list.item(i));
            }
            return nodes;
        } catch (XPathExpressionException e) {
            throw new IllegalArgumentException("bad XPath " + xpath, e);
        }
    }
}
