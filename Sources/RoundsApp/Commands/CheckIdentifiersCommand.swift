import ArgumentParser
import CommandLineTools
import Foundation
import RoundsCore

/// `rounds check-identifiers`: reads text on standard input and prints the patient identifiers found as
/// `[{"start":S,"end":E,"type":"phone","text":"..."}]` (character offsets, end exclusive). Exit 0 when
/// there are none, 1 when there are some, 2 when the input is not UTF-8. Needs no database.
public enum CheckIdentifiersCommand {
    struct Options: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rounds check-identifiers",
            abstract: "Finds HIPAA Safe Harbor identifiers in the text on standard input.",
            usage: "rounds check-identifiers [--allow NAME ...] < reflection.txt",
            discussion: """
                Prints them as a JSON array of objects with start, end (character offsets, end exclusive), type
                and text.

                Exit status: 0 none found; 1 some found; 2 the input is not UTF-8 or the arguments are wrong.
                """
        )

        @Option(name: .customLong("allow"), help: "A name the text may contain, such as the writer's or a supervisor's; repeat for more.")
        var allowedNames: [String] = []
    }

    public static func run(
        _ arguments: [String],
        input: Data,
        standardOutput: (String) -> Void,
        standardError: (String) -> Void
    ) -> Int32 {
        let options: Options
        switch CommandLineParsing.parse(Options.self, arguments, standardOutput: standardOutput, standardError: standardError) {
        case .success(let parsed): options = parsed
        case .failure(let status): return status.code
        }
        guard let text = String(data: input, encoding: .utf8) else {
            standardError("rounds check-identifiers: the input is not UTF-8 text\n")
            return 2
        }
        let spans = IdentifierGuard.scan(text, allowing: options.allowedNames)
        // Keys in the documented order; JSONEncoder only quotes the text.
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        let items = spans.map { span in
            let quoted = (try? encoder.encode(span.text)).map { String(decoding: $0, as: UTF8.self) } ?? "\"\""
            return "{\"start\":\(span.start),\"end\":\(span.end),\"type\":\"\(span.type.rawValue)\",\"text\":\(quoted)}"
        }
        standardOutput("[" + items.joined(separator: ",") + "]\n")
        return spans.isEmpty ? 0 : 1
    }
}
