import Foundation
import RoundsCore
import Testing

@testable import RoundsApp

@Suite struct CheckIdentifiersCommandTests {
    static func run(_ text: String, _ arguments: [String] = []) -> (status: Int32, output: String, errors: String) {
        var output = ""
        var errors = ""
        let status = CheckIdentifiersCommand.run(arguments, input: Data(text.utf8), standardOutput: { output += $0 }, standardError: { errors += $0 })
        return (status, output, errors)
    }

    @Test func identifiersArePrintedAsSpansAndExitOne() throws {
        let result = Self.run("Mrs. Núñez called 617-555-0143 on 3/14.")
        #expect(result.status == 1)
        #expect(
            result.output
                == #"[{"start":5,"end":10,"type":"name","text":"Núñez"},{"start":18,"end":30,"type":"phone","text":"617-555-0143"},{"start":34,"end":38,"type":"date","text":"3/14"}]"# + "\n"
        )
        let decoded = try JSONDecoder().decode([IdentifierSpan].self, from: Data(result.output.utf8))
        #expect(decoded.map(\.type) == [.name, .phone, .date])
    }

    @Test func cleanTextPrintsAnEmptyListAndExitsZero() {
        let result = Self.run("I shadowed Dr. Patel on the cardiology service for 40 hours.")
        #expect(result.status == 0)
        #expect(result.output == "[]\n")
    }

    @Test func allowedNamesPass() {
        let text = "Maria Lopez taught me to read echocardiograms."
        #expect(Self.run(text).status == 1)
        let allowed = Self.run(text, ["--allow", "Dr. Maria Lopez"])
        #expect(allowed.status == 0)
        #expect(allowed.output == "[]\n")
    }

    @Test func badInputIsExitTwo() {
        var errors = ""
        let status = CheckIdentifiersCommand.run([], input: Data([0xFF, 0xFE, 0x00, 0xD8]), standardOutput: { _ in }, standardError: { errors += $0 })
        #expect(status == 2)
        #expect(errors.contains("not UTF-8"))
        #expect(Self.run("x", ["--verbose"]).status == 2)
    }
}
