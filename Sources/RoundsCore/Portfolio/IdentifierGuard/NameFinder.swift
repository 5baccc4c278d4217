/// Finds people's names: runs of capitalised words judged by the words before and after them and by the
/// US name lists. A run after a patient or family word, a title, "named"/"called" or in apposition is a
/// name whatever it is; without such context a run is a name when it starts with a listed first name
/// (a full name anywhere, a first name alone inside a sentence or before a verb). Preceptors and staff
/// ("Dr. Patel", "practitioner Kim"), eponyms ("Addison's disease"), institutions ("Beth Israel
/// Deaconess") and the writer's allowed names pass.
struct NameFinder {
    var lexicon: IdentifierLexicon
    /// Folded words of the names the writer may use: their own and their supervisors'.
    var allowed: Set<String>

    init(lexicon: IdentifierLexicon, allowing names: [String]) {
        self.lexicon = lexicon
        self.allowed = Set(names.flatMap { GuardWords($0).words.map(\.folded) })
    }

    func spans(in text: GuardWords) -> [Range<String.Index>] {
        text.capitalisedRuns(limit: 4).compactMap { self.judge(text, $0) }
    }

    private func judge(_ text: GuardWords, _ whole: Range<Int>) -> Range<String.Index>? {
        let words = text.words
        var run = whole
        // A capitalised sentence opener that is no name ("The", "During", "Called") is not part of the run.
        if words[run.lowerBound].startsSentence, !self.isListedName(words[run.lowerBound]) { run = run.dropFirst() }
        while let first = run.first, Self.notNames.contains(words[first].folded) { run = run.dropFirst() }
        while let last = run.last, Self.notNames.contains(words[last].folded) { run = run.dropLast() }
        guard let first = run.first, let last = run.last else { return nil }
        let before = text.before(first, limit: 3)
        let after = whole.upperBound < words.count ? words[whole.upperBound] : nil
        if run.contains(where: { Self.institutionWords.contains(words[$0].folded) }) { return nil }
        if let after, Self.institutionWords.contains(after.folded), after.gapBefore == " " { return nil }
        if let after, Self.eponymWords.contains(after.folded) { return nil }
        // "Apgar", "Parkinson", "Lachman" alone are eponyms, whatever stands before them.
        if run.count == 1, Self.eponymNames.contains(words[first].folded) { return nil }
        if let previous = before.first, Self.staffTitles.contains(previous) { return nil }
        if before.prefix(2).contains(where: { Self.staffRoles.contains($0) }) { return nil }
        if run.allSatisfy({ self.allowed.contains(words[$0].folded) }) { return nil }
        let span = words[first].range.lowerBound..<words[last].range.upperBound

        if self.hasStrongContext(before: before) { return span }
        if let after, after.folded == "family", before.first == "the" { return span }
        let firstWord = words[first]
        guard self.isListedFirstName(firstWord) else { return nil }
        // A sentence may open with a first name that is also a word: "Grace under pressure", "Mark the time".
        if firstWord.startsSentence, Self.commonWords.contains(firstWord.folded) { return nil }
        // After "in", "to", "from" a large city, a state or a country is a place: "in Houston", "from Georgia".
        if let previous = before.first, Self.placePrepositions.contains(previous),
            self.lexicon.largeCities.contains(firstWord.folded) || PlaceNames.statesAndCountries.contains(firstWord.folded)
        {
            return nil
        }
        if run.count > 1 { return span }
        if !firstWord.startsSentence { return span }
        // At the start of a sentence the next word must make it a subject or an owner: "Maria told me", "Walter's
        // sugars", "Gloria, a retired teacher" (not "Echo reading session").
        guard let after else { return nil }
        return firstWord.isPossessive || after.gapBefore.hasPrefix(",") || Self.isVerbAfterSubject(after) ? span : nil
    }

    private static func isVerbAfterSubject(_ word: GuardWords.Word) -> Bool {
        guard word.text.first?.isLowercase ?? false, word.gapBefore == " " else { return false }
        return Self.subjectVerbs.contains(word.folded) || (word.folded.count > 3 && word.folded.hasSuffix("ed"))
    }

    /// Words that follow a person's name as the subject of a sentence, besides regular past tenses.
    static let subjectVerbs: Set<String> = [
        "was", "is", "had", "has", "did", "does", "would", "could", "will", "can", "might", "should", "must", "and", "never", "always",
        "still", "also", "just", "told", "said", "came", "went", "felt", "took", "gave", "got", "made", "saw", "knew", "thought", "brought",
        "left", "kept", "held", "spoke", "wrote", "taught", "sat", "stood", "ran", "fell", "lost", "began", "became", "wore", "slept", "woke",
        "drove", "ate", "drank", "sang", "paid", "heard", "meant", "met", "sent", "spent", "understood", "says", "asks", "wants", "needs",
        "lives", "loves", "hopes", "tells", "seems", "feels", "comes", "goes", "knows", "thinks", "likes", "hates", "fears", "worries",
    ]

    private func hasStrongContext(before: [String]) -> Bool {
        guard let previous = before.first else { return false }
        if Self.titles.contains(previous) || Self.personWords.contains(previous) { return true }
        if ["named", "called"].contains(previous) || Self.meetingVerbs.contains(previous) { return true }
        // "I spoke with Björn Lindqvist", "sat with Rosa"
        if before.count > 1, previous == "with", Self.meetingVerbs.contains(before[1]) { return true }
        // "called him Papa Joe", "her name was Rosa"
        if before.count > 1, ["him", "her", "them"].contains(previous), ["called", "call", "calls", "named"].contains(before[1]) { return true }
        if before.count > 1, ["was", "is"].contains(previous), before[1] == "name" { return true }
        return false
    }

    private func isListedFirstName(_ word: GuardWords.Word) -> Bool {
        self.lexicon.firstNames.contains(word.folded)
            || (word.folded.contains("-") && self.lexicon.firstNames.contains(String(word.folded.prefix { $0 != "-" })))
    }

    private func isListedName(_ word: GuardWords.Word) -> Bool {
        self.isListedFirstName(word) || self.lexicon.surnames.contains(word.folded)
    }

    static let titles: Set<String> = ["mr", "mrs", "ms", "miss", "mx"]
    /// Words after which a capitalised run is a person: patients, relatives, household members.
    static let personWords: Set<String> = [
        "patient", "pt", "son", "daughter", "wife", "husband", "mother", "father", "brother", "sister", "grandson", "granddaughter",
        "grandmother", "grandfather", "grandchild", "spouse", "partner", "niece", "nephew", "aunt", "uncle", "caregiver", "cousin",
        "fiance", "fiancee", "boyfriend", "girlfriend", "roommate", "neighbor", "neighbour", "stepson", "stepdaughter", "boy", "girl",
        "baby", "infant", "toddler", "child", "teenager", "widow", "widower", "guardian",
    ]
    /// Verbs a writer uses with the person they met: "I visited Aisha", "spoke with Björn".
    static let meetingVerbs: Set<String> = [
        "visited", "helped", "met", "examined", "interviewed", "comforted", "thanked", "reassured", "spoke", "talked", "sat", "prayed", "stayed",
        "cared", "followed", "admitted", "discharged", "greeted", "fed", "walked", "held", "hugged",
    ]
    /// Eponyms that are also names: alone they name a sign, test, score or disease.
    static let eponymNames: Set<String> = [
        "apgar", "lachman", "mcmurray", "romberg", "phalen", "tinel", "coombs", "rinne", "babinski", "kernig", "brudzinski", "homans",
        "trendelenburg", "valsalva", "heimlich", "epley", "holter", "doppler", "foley", "gram", "whipple", "glasgow", "wells", "cushing",
        "addison", "parkinson", "graves", "crohn", "hodgkin", "alzheimer", "huntington", "tourette", "raynaud", "sjogren", "marfan",
        "klinefelter", "hashimoto", "wernicke", "korsakoff", "asperger", "kawasaki", "guillain", "barre", "down", "mcburney", "virchow",
        "kussmaul", "cheyne", "stokes", "papanicolaou", "nissen", "roux", "charcot", "spurling", "fick", "starling", "tanner", "ranson",
        "bishop", "braden", "morse", "snellen", "weber", "finkelstein", "hawkins", "neer", "adson", "allen",
    ]
    static let staffTitles: Set<String> = ["dr", "doctor", "prof", "professor", "nurse", "chaplain", "pastor", "rabbi", "imam", "coach", "st", "saint", "mt", "mount"]
    static let staffRoles: Set<String> = [
        "preceptor", "attending", "resident", "practitioner", "supervisor", "mentor", "fellow", "intern", "physician", "surgeon", "pharmacist",
        "therapist", "coordinator", "director", "instructor", "scribe", "midwife", "dean", "colleague", "pa", "np", "rn", "md", "do",
    ]
    static let placePrepositions: Set<String> = ["in", "to", "from", "near", "at", "around", "outside", "of"]
    /// Capitalised words that are no names, wherever they stand.
    static let notNames: Set<String> = [
        "the", "a", "an", "this", "that", "he", "she", "they", "we", "i", "it", "was", "is", "had", "has", "who", "with", "in", "on", "at",
        "after", "before", "during", "when", "while", "and", "but", "care", "safety", "education", "rounds", "room", "unit", "emergency",
        "services", "advocate", "experience", "satisfaction", "history", "privacy", "dr", "mr", "mrs", "ms", "miss", "mx", "doctor", "professor", "nurse", "english", "spanish",
        "arabic", "mandarin", "cantonese", "french", "portuguese", "russian", "vietnamese", "korean", "somali", "navajo", "hindi", "urdu",
        "bengali", "tagalog", "polish", "haitian", "creole", "american", "mexican", "chinese", "indian", "african", "asian", "latino",
        "latina", "hispanic", "black", "white", "native", "muslim", "christian", "jewish", "catholic", "monday", "tuesday", "wednesday",
        "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july", "august", "september",
        "october", "november", "december", "step", "covid", "god", "thanksgiving", "christmas", "easter", "ramadan",
    ]
    /// First names that are also everyday words or places; at the start of a sentence they are names only in
    /// a name's context.
    static let commonWords: Set<String> = [
        "will", "mark", "hope", "grace", "echo", "rose", "joy", "bill", "faith", "christian", "carter", "april", "ivy", "jade", "dawn", "don", "drew", "max", "ray",
        "carol", "may", "june", "august", "art", "pat", "sue", "chase", "guy", "miles", "wade", "hunter", "mason", "page", "summer",
        "autumn", "crystal", "amber", "ruby", "pearl", "iris", "holly", "daisy", "lily", "violet", "olive", "heather", "jasmine", "sky",
        "sunny", "rich", "earl", "gene", "dean", "cliff", "rod", "bud", "buck", "king", "prince", "duke", "major", "sterling",
        "forrest", "rocky", "stormy", "misty", "brandy", "candy", "ginger", "honey", "destiny", "precious", "harmony", "melody", "trinity",
        "charity", "mercy", "patience", "constance", "prudence", "justice", "liberty", "angel", "bay", "baker", "cooper", "carter",
        "parker", "porter", "fisher", "archer", "gray", "grey", "brown", "young", "long", "lane", "dale", "glen", "hill", "brook", "stone",
        "tanner", "royal", "noble", "sage", "river", "rain", "storm", "star", "lucky", "happy", "early", "love", "so", "do", "to", "an",
        "china", "india", "asia", "georgia", "virginia", "carolina", "dakota", "montana", "nevada", "florida", "kansas",
        "alabama", "indiana", "jordan", "israel", "paris", "london", "victoria", "sydney", "austin", "houston", "dallas", "denver",
        "phoenix", "charlotte", "madison", "savannah", "orlando", "jackson", "lincoln", "washington", "franklin", "clinton", "marshall",
        "trauma", "care", "ward", "cat", "kit", "tag", "von", "van", "del", "la", "le", "de", "al", "ace", "ax",
    ]
    /// Words after a capitalised run that make it an eponym: "Murphy's sign", "Foley catheter".
    static let eponymWords: Set<String> = [
        "disease", "syndrome", "sign", "signs", "palsy", "maneuver", "manoeuvre", "score", "scale", "catheter", "procedure",
        "operation", "scores", "lymphoma", "sarcoma", "stain", "monitor", "criteria", "triad", "reflex", "phenomenon", "ulcer", "fracture", "tube",
        "classification", "index", "law", "rule", "rules", "node", "nodes", "sphincter", "duct", "canal", "gland", "glands", "cell", "cells",
        "body", "bodies", "pouch", "ligament", "dementia", "ataxia", "encephalopathy", "disorder", "tumor", "tumour", "method", "technique",
        "approach", "position", "incision", "repair", "fundoplication", "anastomosis", "formula", "equation", "curve", "effect", "point",
        "space", "hernia", "diverticulum", "contracture", "aneurysm", "cyst", "nodule", "murmur", "thyroiditis", "lesion",
    ]
    /// Words that make a capitalised run an institution: "Mayo Clinic", "Beth Israel Deaconess".
    static let institutionWords: Set<String> = [
        "hospital", "hospitals", "clinic", "clinics", "center", "centre", "medical", "medicine", "university", "college", "school", "institute",
        "health", "healthcare", "memorial", "foundation", "deaconess", "children's", "general", "regional", "county", "community",
        "presbyterian", "methodist", "baptist", "lutheran", "adventist", "mercy", "sinai", "hopkins", "kaiser", "permanente", "infirmary",
        "pharmacy", "laboratory", "labs", "program", "society", "association", "academy", "department", "street", "avenue", "road",
        "city", "library", "church", "mosque", "temple", "synagogue", "award", "scholarship", "fund", "building", "campus", "system", "network", "partners", "associates", "rehabilitation", "hospice", "shelter", "cancer",
    ]
}
