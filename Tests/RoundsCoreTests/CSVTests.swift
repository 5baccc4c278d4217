@testable import DelimitedText
import Testing

/// The CSV reader cuts fields on bytes; these are the cases where that could differ from reading characters.
@Suite struct CSVTests {
    @Test func fieldsAreCutAsRFC4180Says() throws {
        let text = "a,\"b, with comma\",c\r\n\"quote \"\"inside\"\"\",,\"line\nbreak\"\n\u{00E9}t\u{00E9} caf\u{00E9},\u{5C0F}\u{5150}\u{79D1},\u{1F9E9}\u{200D}x\n\"\",\"\"\"\",e\u{301}\n"
        let records = try CSV.parse(text)
        #expect(records == [
            CSV.Record(line: 1, fields: ["a", "b, with comma", "c"]),
            CSV.Record(line: 2, fields: ["quote \"inside\"", "", "line\nbreak"]),
            CSV.Record(line: 4, fields: ["\u{00E9}t\u{00E9} caf\u{00E9}", "\u{5C0F}\u{5150}\u{79D1}", "\u{1F9E9}\u{200D}x"]),
            CSV.Record(line: 5, fields: ["", "\"", "e\u{301}"]),
        ])
    }

    @Test func whatIsWrittenReadsBack() throws {
        // "\r\n" and a quote before a combining accent are each one Character: the writer once missed both.
        let fields = ["plain", "with, comma", "with \"quotes\"", "two\r\nlines", "caf\u{00E9} \u{1F489}", "\"\u{301}accent", ""]
        #expect(try CSV.parse(CSV.line(fields) + CSV.line(fields.reversed())) == [
            // A line break inside quotes is kept as written, carriage return included.
            CSV.Record(line: 1, fields: fields),
            CSV.Record(line: 3, fields: fields.reversed()),
        ])
    }

    @Test func anUnclosedQuoteIsReportedAtItsRecord() {
        let error = #expect(throws: CSV.SyntaxError.self) { try CSV.parse("a,b\n\"open,\nstill open") }
        #expect(error?.line == 2)
        #expect(error?.message == "a quoted field is not closed")
    }
}
