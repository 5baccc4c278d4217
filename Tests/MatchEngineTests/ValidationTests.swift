import Testing

@testable import MatchEngine

@Suite struct ValidationTests {
    static func instance(
        programs: [MatchInstance.Program] = [.init(id: "P", capacity: 1, ranking: ["a"])],
        applicants: [MatchInstance.Applicant] = [.init(id: "a", ranking: ["P"])],
        couples: [MatchInstance.Couple] = []
    ) -> MatchInstance {
        MatchInstance(programs: programs, applicants: applicants, couples: couples)
    }

    static let cases: [(MatchInstance, String)] = [
        (instance(programs: [.init(id: "P", capacity: 1, ranking: []), .init(id: "P", capacity: 1, ranking: [])]),
         #"duplicate program id "P""#),
        (instance(applicants: [.init(id: "a", ranking: []), .init(id: "a", ranking: [])]),
         #"duplicate applicant id "a""#),
        (instance(programs: [.init(id: "P", capacity: -1, ranking: [])]),
         #"program "P" has capacity -1; capacity must be 0 or more"#),
        (instance(programs: [.init(id: "P", capacity: 1, ranking: ["ghost"])]),
         #"program "P" ranks unknown applicant "ghost""#),
        (instance(programs: [.init(id: "P", capacity: 1, ranking: ["a", "a"])]),
         #"program "P" ranks applicant "a" more than once"#),
        (instance(applicants: [.init(id: "a", ranking: ["Z"])]),
         #"applicant "a" ranks unknown program "Z""#),
        (instance(applicants: [.init(id: "a", ranking: ["P", "P"])]),
         #"applicant "a" ranks program "P" more than once"#),
        (instance(couples: [.init(members: ["b", "c", "d"], ranking: [])]),
         #"a couple must have exactly 2 members, got 3 (["b", "c", "d"])"#),
        (instance(couples: [.init(members: ["b", "b"], ranking: [])]),
         #"couple names applicant "b" twice"#),
        (instance(couples: [.init(members: ["b", "c"], ranking: []), .init(members: ["c", "d"], ranking: [])]),
         #"applicant "c" is in two couples"#),
        (instance(couples: [.init(members: ["a", "c"], ranking: [])]),
         #"applicant "a" is listed both as a single applicant and in a couple"#),
        (instance(couples: [.init(members: ["b", "c"], ranking: [["P", "Z"]])]),
         #"couple ["b", "c"] ranks unknown program "Z""#),
        (instance(couples: [.init(members: ["b", "c"], ranking: [["P", "P", "P"]])]),
         #"couple ["b", "c"] has a ranking entry with 3 programs; each entry must have exactly 2 (null for no match)"#),
        (instance(couples: [.init(members: ["b", "c"], ranking: [[nil, nil]])]),
         #"couple ["b", "c"] ranks a pair with no program at all"#),
        (instance(couples: [.init(members: ["b", "c"], ranking: [["P", nil], ["P", nil]])]),
         #"couple ["b", "c"] ranks the pair ["P", null] more than once"#),
    ]

    @Test(arguments: cases)
    func eachProblemHasItsExactMessage(instance: MatchInstance, message: String) {
        do {
            _ = try Match.run(instance)
            Issue.record("accepted an invalid instance; expected: \(message)")
        } catch let error as InstanceError {
            #expect(error.description == message)
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }
}

@Suite struct FormatTests {
    @Test func theDocumentedJSONShapeReadsAndMatches() throws {
        let text = """
            {"programs":[{"id":"P","capacity":2,"ranking":["a1","a2","a3","a4"]},{"id":"Q","capacity":1,"ranking":["a4","a1"]}],
             "applicants":[{"id":"a1","ranking":["P","Q"]},{"id":"a2","ranking":["Q"]}],
             "couples":[{"members":["a3","a4"],"ranking":[["P","Q"],["P",null]]}]}
            """
        let instance = try InstanceFormat.instance(fromJSON: Array(text.utf8))
        #expect(instance.couples == [.init(members: ["a3", "a4"], ranking: [["P", "Q"], ["P", nil]])])
        let result = try Match.run(instance)
        // a1 takes P (step 1); Q does not rank a2 (step 2); the couple's first pair fits (step 3).
        #expect(result.assignments == ["a1": "P", "a3": "P", "a4": "Q"])
        #expect(
            InstanceFormat.json(result)
                == #"{"assignments":{"a1":"P","a3":"P","a4":"Q"},"unmatched":["a2"],"unfilled":{},"stable":true,"blocking_pairs":[],"stable_kpr":true,"blocking_pairs_kpr":[],"stats":{"algorithm":"applicant-proposing","programs":2,"positions":3,"applicants":4,"couples":1,"matched":3,"unmatched":1,"steps":3,"path":"roth-peranson","couple_order":0,"attempts":1}}"#
        )
    }

    @Test(arguments: [
        ("[1,2]", "the instance must be a JSON object"),
        ("{\"programs\": 3}", "programs must be an array"),
        ("{}", "programs is missing"),
        ("{\"programs\":[{\"id\":\"P\",\"capacity\":1.5,\"ranking\":[]}]}", "programs[0].capacity must be a whole number"),
        ("{\"programs\":[{\"id\":7,\"capacity\":1,\"ranking\":[]}]}", "programs[0].id must be a string"),
        ("{\"programs\":[],\n \"applicants\": [ {\"id\": \"a\" ", "invalid JSON on line 2: unexpected end of input in an object"),
        ("{\"programs\":[]} x", "invalid JSON on line 1: unexpected text after the document"),
        ("{\"programs\":[],\"couples\":[{\"members\":[\"a\",\"b\"],\"ranking\":[[\"P\",null],[3,null]]}]}",
         "couples[0].ranking[1][0] must be a string"),
        ("{\"programs\":[{\"capacity\":1,\"ranking\":[]}]}", "programs[0].id is missing"),
    ])
    func malformedFilesSayWhereTheProblemIs(text: String, message: String) {
        #expect(throws: InstanceFormat.FormatError(message: message)) {
            try InstanceFormat.instance(fromJSON: Array(text.utf8))
        }
    }

    @Test func stringsWithEscapesAndUnicodeRoundTrip() throws {
        let text = #"{"programs":[{"id":"Saint-Éloi \"North\"\u00e9\ud83d\ude00","capacity":0,"ranking":[]}]}"#
        let instance = try InstanceFormat.instance(fromJSON: Array(text.utf8))
        #expect(instance.programs[0].id == "Saint-Éloi \"North\"é😀")
        #expect(InstanceFormat.quote("a\"b\\c\n\u{01}") == #""a\"b\\c\n\u0001""#)

        // Without escapes: plain ASCII ids take the decoding shortcut, others are validated.
        let plain = #"{"programs":[{"id":"P-01","capacity":1,"ranking":["Zoë"]}],"applicants":[{"id":"Zoë","ranking":["P-01"]}]}"#
        let read = try InstanceFormat.instance(fromJSON: Array(plain.utf8))
        #expect(read.programs[0].id == "P-01" && read.programs[0].ranking == ["Zoë"] && read.applicants[0].id == "Zoë")
    }

    @Test func theCSVPairReadsSinglesAndCouples() throws {
        let programs = "program_id,capacity,ranking\nP,2,a1|a3\n\"Q, North\",1,a4|a1\n"
        let rankLists = "applicant_id,partner_id,ranking\na1,,P|\"Q, North\"\na3,a4,P+Q, North|P+-\n"
        #expect(throws: InstanceFormat.FormatError.self) { try CSVFormat.instance(programs: programs, rankLists: rankLists) }
        let quoted = "applicant_id,partner_id,ranking\na1,,\"P|Q, North\"\na3,a4,\"P+Q, North|P+-\"\n"
        let instance = try CSVFormat.instance(programs: programs, rankLists: quoted)
        #expect(instance.applicants == [.init(id: "a1", ranking: ["P", "Q, North"])])
        #expect(instance.couples == [.init(members: ["a3", "a4"], ranking: [["P", "Q, North"], ["P", nil]])])
        #expect(try Match.run(instance).assignments == ["a1": "P", "a3": "P", "a4": "Q, North"])
    }

    @Test func csvErrorsNameTheFileAndLine() {
        #expect(throws: InstanceFormat.FormatError(message: "programs.csv line 3: capacity must be a whole number")) {
            try CSVFormat.instance(programs: "program_id,capacity,ranking\nP,1,a\nQ,two,a\n", rankLists: "applicant_id,partner_id,ranking\n")
        }
        #expect(throws: InstanceFormat.FormatError(message: "rank_lists.csv must start with the header applicant_id,partner_id,ranking")) {
            try CSVFormat.instance(programs: "program_id,capacity,ranking\n", rankLists: "id,ranking\n")
        }
    }
}
