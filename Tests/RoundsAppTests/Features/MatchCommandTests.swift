import CommandLineTools
import Foundation
import MatchEngine
import Testing

@testable import RoundsApp

@Suite struct MatchCommandTests {
    struct Run {
        var status: Int32
        var output: String
        var errors: String
    }

    static func run(_ arguments: [String]) -> Run {
        var output = ""
        var errors = ""
        let status = MatchCommand.run(arguments, standardOutput: { output += $0 }, standardError: { errors += $0 })
        return Run(status: status, output: output, errors: errors)
    }

    static func file(_ contents: String, name: String = "instance.json") throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rounds-match-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent(name).path
        try contents.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static let instance = """
        {"programs":[{"id":"P","capacity":1,"ranking":["a1","a2"]},{"id":"Q","capacity":1,"ranking":["a1"]}],
         "applicants":[{"id":"a1","ranking":["Q","P"]},{"id":"a2","ranking":["P"]}]}
        """

    @Test func printsTheResultAsJSON() throws {
        let run = Self.run(["--input", try Self.file(Self.instance), "--check"])
        #expect(run.status == 0)
        #expect(run.output.hasPrefix(#"{"assignments":{"a1":"Q","a2":"P"},"unmatched":[],"unfilled":{},"stable":true"#))
        #expect(run.errors.isEmpty)
    }

    @Test func writesTheResultToAFile() throws {
        let input = try Self.file(Self.instance)
        let output = input + ".out.json"
        let run = Self.run(["--input", input, "--output", output, "--program-proposing"])
        #expect(run.status == 0)
        #expect(run.output.isEmpty)
        let written = try String(contentsOfFile: output, encoding: .utf8)
        #expect(written.contains(#""algorithm":"program-proposing""#))
    }

    @Test func readsTheCSVPair() throws {
        let programs = try Self.file("program_id,capacity,ranking\nP,1,a1|a2\nQ,1,a1\n", name: "programs.csv")
        let lists = try Self.file("applicant_id,partner_id,ranking\na1,,Q|P\na2,,P\n", name: "rank_lists.csv")
        let run = Self.run(["--programs", programs, "--rank-lists", lists])
        #expect(run.status == 0)
        #expect(run.output.contains(#""assignments":{"a1":"Q","a2":"P"}"#))
    }

    @Test(arguments: [
        (["--input"], "Error: Missing value for '--input <file>'"),
        (["--frobnicate"], "Error: Unknown option '--frobnicate'"),
        ([], "error: give --input FILE, or --programs and --rank-lists"),
        (["--input", "/nonexistent/instance.json"], "error: cannot read /nonexistent/instance.json"),
    ])
    func badUsageExitsWithTwoAndSaysWhy(arguments: [String], message: String) {
        let run = Self.run(arguments)
        #expect(run.status == 2)
        #expect(run.errors.hasPrefix(message))
        #expect(run.output.isEmpty)
    }

    @Test func anInvalidInstanceExitsWithTwoAndTheExactMessage() throws {
        let path = try Self.file(#"{"programs":[{"id":"P","capacity":1,"ranking":["ghost"]}]}"#)
        let run = Self.run(["--input", path])
        #expect(run.status == 2)
        #expect(run.errors == "error: program \"P\" ranks unknown applicant \"ghost\"\n")
    }

    @Test func aCyclingInstanceExitsWithOne() throws {
        let path = try Self.file(
            #"{"programs":[{"id":"H1","capacity":1,"ranking":["a","s"]},{"id":"H2","capacity":1,"ranking":["s","b"]}],"applicants":[{"id":"s","ranking":["H1","H2"]}],"couples":[{"members":["a","b"],"ranking":[["H1","H2"]]}]}"#
        )
        let run = Self.run(["--input", path])
        #expect(run.status == 1)
        #expect(run.errors.contains("did not settle"))
    }
}
