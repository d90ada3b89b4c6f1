package org.baraza.server.api;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * CSV exports (RFC 4180, by commons-csv): every cell quoted when it needs to be, and text that a spreadsheet would
 * run as a formula (a cell starting with {@code = + - @}, a tab or a carriage return: caller ids and SMS bodies
 * are listeners' text) prefixed with an apostrophe, as OWASP advises, so it shows as the text it is. Stateless.
 */
final class Csv {

    private Csv() {
    }

    static String write(List<String> header, List<List<Object>> rows) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get())) {
            for (List<Object> row : rows) {
                List<String> cells = new ArrayList<>(row.size());
                for (Object cell : row) {
                    cells.add(cell == null ? "" : neutralise(cell.toString()));
                }
                printer.printRecord(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    static String neutralise(String cell) {
        if (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
            return "'" + cell;
        }
        return cell;
    }
}
