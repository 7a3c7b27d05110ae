package dev.winnow.convert.voc;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * One Pascal VOC annotation file: the image's file name, its declared size (0 when absent) and its
 * objects. Parsed with the JDK's DOM parser with DTDs and external entities switched off, so a
 * hostile file can neither read local files nor expand entities without bound.
 */
record VocXml(String fileName, int width, int height, List<VocObject> objects) {

    /** One {@code <object>}: its name and box corners as written, or why it cannot be used. */
    record VocObject(
            int index,
            @Nullable String name,
            double xmin,
            double ymin,
            double xmax,
            double ymax,
            @Nullable String problem) {}

    private static final DocumentBuilderFactory FACTORY = secureFactory();

    private static DocumentBuilderFactory secureFactory() {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        try {
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("The JDK's XML parser lacks a required safety feature.", e);
        }
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return f;
    }

    /** A file refused because it declares a document type, the door to external and expanding entities. */
    static final class DoctypeRefused extends IllegalArgumentException {
        DoctypeRefused() {
            super("The file declares a document type (<!DOCTYPE>); VOC files need none, and its entities could read"
                    + " other files or expand without bound, so it is not read.");
        }

        /** The sentence it was made with (never null). */
        @Override
        public String getMessage() {
            String message = super.getMessage();
            return message == null ? "" : message;
        }
    }

    /**
     * Parses a VOC file; an {@link IllegalArgumentException} carries a sentence saying what is wrong,
     * a {@link DoctypeRefused} when the file declares a DTD.
     */
    static VocXml parse(byte[] bytes) throws IOException {
        if (declaresDoctype(bytes)) {
            throw new DoctypeRefused();
        }
        Document doc;
        try {
            DocumentBuilder builder = FACTORY.newDocumentBuilder();
            builder.setErrorHandler(null);
            doc = builder.parse(new ByteArrayInputStream(bytes));
        } catch (SAXParseException e) {
            throw new IllegalArgumentException("The file is not well-formed XML (line " + e.getLineNumber()
                    + ", column " + e.getColumnNumber() + ").");
        } catch (SAXException e) {
            throw new IllegalArgumentException("The file is not well-formed XML.");
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
        Element root = doc.getDocumentElement();
        if (!root.getTagName().equals("annotation")) {
            throw new IllegalArgumentException(
                    "The root element is <" + root.getTagName() + ">; a VOC file has <annotation>.");
        }
        String fileName = text(root, "filename");
        if (fileName == null || fileName.isEmpty()) {
            throw new IllegalArgumentException("The file has no <filename>.");
        }
        int width = 0;
        int height = 0;
        Element size = child(root, "size");
        if (size != null) {
            width = intOrZero(text(size, "width"));
            height = intOrZero(text(size, "height"));
        }
        List<VocObject> objects = new ArrayList<>();
        int index = 0;
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals("object")) {
                objects.add(object(index++, e));
            }
        }
        return new VocXml(fileName, width, height, objects);
    }

    private static VocObject object(int index, Element e) {
        String name = text(e, "name");
        if (name == null || name.isEmpty()) {
            return new VocObject(index, null, 0, 0, 0, 0, "Object " + index + " has no <name>.");
        }
        Element box = child(e, "bndbox");
        if (box == null) {
            return new VocObject(index, name, 0, 0, 0, 0, "Object " + index + " (" + name + ") has no <bndbox>.");
        }
        double[] v = new double[4];
        String[] tags = {"xmin", "ymin", "xmax", "ymax"};
        for (int i = 0; i < 4; i++) {
            String t = text(box, tags[i]);
            try {
                v[i] = Double.parseDouble(t);
            } catch (NumberFormatException | NullPointerException ex) {
                v[i] = Double.NaN;
            }
            if (!Double.isFinite(v[i])) {
                return new VocObject(
                        index,
                        name,
                        0,
                        0,
                        0,
                        0,
                        "Object " + index + " (" + name + ") has <" + tags[i] + "> '" + (t == null ? "" : t)
                                + "', which is not a number.");
            }
        }
        if (v[2] < v[0] || v[3] < v[1]) {
            return new VocObject(
                    index, name, 0, 0, 0, 0, "Object " + index + " (" + name + ") has xmax < xmin or ymax < ymin.");
        }
        return new VocObject(index, name, v[0], v[1], v[2], v[3], null);
    }

    private static int intOrZero(@Nullable String text) {
        try {
            return text == null ? 0 : Math.max(0, (int) Double.parseDouble(text));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static @Nullable Element child(Element parent, String tag) {
        NodeList list = parent.getChildNodes();
        for (int i = 0; i < list.getLength(); i++) {
            if (list.item(i) instanceof Element e && e.getTagName().equals(tag)) {
                return e;
            }
        }
        return null;
    }

    private static @Nullable String text(Element parent, String tag) {
        Element e = child(parent, tag);
        return e == null ? null : e.getTextContent().strip();
    }

    /**
     * Whether the prolog (before the root element) holds {@code <!DOCTYPE}: only there can XML declare
     * one. Comments, processing instructions and white space are skipped; the bytes are read as
     * ASCII, which every encoding a VOC file uses agrees with for markup.
     */
    static boolean declaresDoctype(byte[] bytes) {
        String text = new String(bytes, 0, Math.min(bytes.length, 1 << 16), StandardCharsets.ISO_8859_1);
        int i = text.startsWith("\u00ef\u00bb\u00bf") ? 3 : 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (text.startsWith("<?", i)) {
                int end = text.indexOf("?>", i + 2);
                i = end < 0 ? text.length() : end + 2;
            } else if (text.startsWith("<!--", i)) {
                int end = text.indexOf("-->", i + 4);
                i = end < 0 ? text.length() : end + 3;
            } else {
                return text.regionMatches(true, i, "<!DOCTYPE", 0, 9);
            }
        }
        return false;
    }
}
